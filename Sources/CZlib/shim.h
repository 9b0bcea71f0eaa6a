#ifndef FLASH_SYNC_CZLIB_SHIM_H
#define FLASH_SYNC_CZLIB_SHIM_H
#include <zlib.h>
#endif
