#ifndef HEXMAP_CNCURSES_SHIM_H
#define HEXMAP_CNCURSES_SHIM_H
#define NCURSES_WIDECHAR 1
#include <ncurses.h>
#endif
