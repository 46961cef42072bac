#ifndef PRACTICA_CZSTD_SHIM_H
#define PRACTICA_CZSTD_SHIM_H
#include <zstd.h>
#include <zdict.h>

/* The frame-format parameters live in zstd's experimental section, which the
   shared library exports but the public header only names under
   ZSTD_STATIC_LINKING_ONLY. Their values are fixed by the format: */
static const int practica_zstd_c_format = 10;      /* ZSTD_c_experimentalParam2 */
static const int practica_zstd_d_format = 1000;    /* ZSTD_d_experimentalParam1 */
static const int practica_zstd_magicless = 1;      /* ZSTD_f_zstd1_magicless */
#endif
