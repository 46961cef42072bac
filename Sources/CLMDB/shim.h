#ifndef PRACTICA_CLMDB_SHIM_H
#define PRACTICA_CLMDB_SHIM_H
#include <lmdb.h>
#endif
