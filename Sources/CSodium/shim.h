#ifndef PRACTICA_CSODIUM_SHIM_H
#define PRACTICA_CSODIUM_SHIM_H
#include <sodium.h>
#endif
