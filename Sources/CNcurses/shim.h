#ifndef HEXMAP_CNCURSES_SHIM_H
#define HEXMAP_CNCURSES_SHIM_H

// The narrow ncurses API: the editor draws printable ASCII only, and decodes UTF-8 keys itself
// (KeyDecoder), so it does without the wide build's seven-times-larger screen cells.

#include <ncurses.h>
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>
// Last: it defines a macro for every terminfo capability name (lines, columns, tab, ...).
#include <term.h>

// Swift cannot import function-like macros nor the globals ncurses may define
// as macros, so each one we need is a small inline function here.

static inline WINDOW *hm_stdscr(void) { return stdscr; }
static inline int hm_getmaxy(WINDOW *w) { int y, x; getmaxyx(w, y, x); (void)x; return y; }
static inline int hm_getmaxx(WINDOW *w) { int y, x; getmaxyx(w, y, x); (void)y; return x; }

static inline attr_t hm_a_normal(void) { return A_NORMAL; }
static inline attr_t hm_a_bold(void) { return A_BOLD; }
static inline attr_t hm_a_dim(void) { return A_DIM; }
static inline attr_t hm_a_reverse(void) { return A_REVERSE; }
static inline attr_t hm_a_underline(void) { return A_UNDERLINE; }
static inline attr_t hm_color_pair(short n) { return (attr_t)COLOR_PAIR(n); }


// ncurses formats parameterized terminfo strings with tparm, a printf-like interpreter: sgr
// (nine parameters) at every attribute change, and at every cursor move each parameterized
// motion (vpa, hpa, cud, cuf, ...), only to price it against the others. Without them it sends
// the fixed strings (sgr0, dim, bold, ...) and moves with cup alone: the same screen, for half
// the instructions of its first update. Only where the terminal has a fixed string for each
// attribute the editor uses, and a cup to move with.
static inline void hm_prefer_fixed_strings(void) {
    if (exit_attribute_mode && enter_bold_mode && enter_dim_mode && enter_reverse_mode && enter_underline_mode) {
        set_attributes = 0;
    }
    if (cursor_address) {
        row_address = column_address = 0;
        parm_up_cursor = parm_down_cursor = parm_left_cursor = parm_right_cursor = 0;
    }
}

static inline int hm_key_f(int n) { return KEY_F(n); }

// The mouse. ncurses' masks are macros Swift cannot import, so the events the editor
// wants are asked for here, and what getmouse read comes back in the editor's terms.
static inline mmask_t hm_mouse_events(void) {
    return BUTTON1_PRESSED | BUTTON1_RELEASED | BUTTON4_PRESSED | BUTTON5_PRESSED | REPORT_MOUSE_POSITION;
}

#define HM_MOUSE_NONE 0
#define HM_MOUSE_PRESS 1
#define HM_MOUSE_RELEASE 2
#define HM_MOUSE_MOTION 3
#define HM_MOUSE_WHEEL_UP 4
#define HM_MOUSE_WHEEL_DOWN 5

// After KEY_MOUSE: one of HM_MOUSE_*, with the cell; -1 when there was no event to read.
static inline int hm_get_mouse(int *row, int *column) {
    MEVENT event;
    if (getmouse(&event) != OK) return -1;
    *row = event.y;
    *column = event.x;
    if (event.bstate & BUTTON4_PRESSED) return HM_MOUSE_WHEEL_UP;
    if (event.bstate & BUTTON5_PRESSED) return HM_MOUSE_WHEEL_DOWN;
    if (event.bstate & BUTTON1_PRESSED) return HM_MOUSE_PRESS;
    if (event.bstate & BUTTON1_RELEASED) return HM_MOUSE_RELEASE;
    if (event.bstate & REPORT_MOUSE_POSITION) return HM_MOUSE_MOTION;
    return HM_MOUSE_NONE;
}

// The terminal's output descriptor, so the SIGQUIT handler can turn off the drag
// reporting (xterm mode 1002) that the editor asks for beside ncurses' own mouse mode.
static volatile int hm_terminal_output_fd = -1;
static inline void hm_set_terminal_output_fd(int fd) { hm_terminal_output_fd = fd; }

// SIGQUIT (Ctrl-\ from a shell, or kill -QUIT) means "die now": the handler
// restores the terminal, then re-raises the signal with its default action so the
// exit status still tells which signal ended us. endwin is not formally
// async-signal-safe, but every curses program does this and the alternative (a
// raw terminal left behind) is worse. SIGINT, SIGTERM and SIGHUP are handled by
// the editor's loop instead: it rolls the unsynced edits back, then quits.
static void hm_restore_terminal_and_reraise(int sig) {
    if (hm_terminal_output_fd >= 0) {
        static const char stop_drag_reports[] = "\033[?1002l";
        ssize_t ignored = write(hm_terminal_output_fd, stop_drag_reports, sizeof stop_drag_reports - 1);
        (void)ignored;
    }
    endwin();
    signal(sig, SIG_DFL);
    raise(sig);
}

static inline void hm_install_terminal_restore_handlers(void) {
    int signals[] = { SIGQUIT };
    for (unsigned i = 0; i < sizeof signals / sizeof signals[0]; i++) {
        struct sigaction action;
        sigemptyset(&action.sa_mask);
        action.sa_flags = 0;
        action.sa_handler = hm_restore_terminal_and_reraise;
        sigaction(signals[i], &action, NULL);
    }
}

// A parent may start us with signals blocked (some process-spawning libraries
// do); then SIGWINCH never reaches ncurses and SIGTERM never restores the
// terminal. Unblock the ones the editor depends on.
static inline void hm_unblock_terminal_signals(void) {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGHUP);
    sigaddset(&set, SIGQUIT);
    sigaddset(&set, SIGWINCH);
    sigaddset(&set, SIGTSTP);
    sigaddset(&set, SIGCONT);
    sigprocmask(SIG_UNBLOCK, &set, NULL);
}

static inline void hm_remove_terminal_restore_handlers(void) {
    int signals[] = { SIGQUIT };
    for (unsigned i = 0; i < sizeof signals / sizeof signals[0]; i++) {
        signal(signals[i], SIG_DFL);
    }
}

#endif
