#ifndef TAFEL_CNCURSESW_SHIM_H
#define TAFEL_CNCURSESW_SHIM_H

/* Wide-character curses: must be defined before <curses.h>, or cchar_t,
   wget_wch and setcchar are missing. SwiftPM's pkgConfig would drop the
   -D_XOPEN_SOURCE flags, so we define what we need here instead. */
#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif

#include <locale.h>
#include <langinfo.h>
#include <stdio.h>
#include <wchar.h>
#include <curses.h>
#include <term.h>

/* Swift cannot import curses macros, and Swift 6 rejects the C globals
   (stdscr, LINES, COLS, COLORS) as shared mutable state. Each is wrapped as a
   small inline function; only CursesBackend calls them, on the main thread. */

static inline WINDOW *tk_stdscr(void) { return stdscr; }
static inline int tk_lines(void) { return LINES; }
static inline int tk_cols(void) { return COLS; }
static inline int tk_colors(void) { return COLORS; }
static inline int tk_color_pairs(void) { return COLOR_PAIRS; }
static inline void tk_getmaxyx(WINDOW *w, int *y, int *x) { int yy, xx; getmaxyx(w, yy, xx); *y = yy; *x = xx; }

static inline attr_t tk_a_normal(void) { return A_NORMAL; }
static inline attr_t tk_a_bold(void) { return A_BOLD; }
static inline attr_t tk_a_underline(void) { return A_UNDERLINE; }
static inline attr_t tk_a_reverse(void) { return A_REVERSE; }
static inline attr_t tk_a_dim(void) { return A_DIM; }
static inline attr_t tk_a_italic(void) { return A_ITALIC; }
static inline attr_t tk_a_blink(void) { return A_BLINK; }

static inline int tk_key_resize(void) { return KEY_RESIZE; }
static inline int tk_key_mouse(void) { return KEY_MOUSE; }
static inline int tk_key_f0(void) { return KEY_F0; }
static inline int tk_ok(void) { return OK; }
static inline int tk_err(void) { return ERR; }

static inline mmask_t tk_all_mouse_events(void) { return ALL_MOUSE_EVENTS; }
static inline mmask_t tk_report_mouse_position(void) { return REPORT_MOUSE_POSITION; }
static inline mmask_t tk_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t tk_button1_released(void) { return BUTTON1_RELEASED; }
static inline mmask_t tk_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t tk_button1_double_clicked(void) { return BUTTON1_DOUBLE_CLICKED; }
static inline mmask_t tk_button3_pressed(void) { return BUTTON3_PRESSED; }
static inline mmask_t tk_button3_clicked(void) { return BUTTON3_CLICKED; }
static inline mmask_t tk_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t tk_button5_pressed(void) { return BUTTON5_PRESSED; }

static inline FILE *tk_stdin(void) { return stdin; }
static inline FILE *tk_stdout(void) { return stdout; }

/* Writes one cell: setcchar + mvwadd_wch with a colour pair number. */
static inline int tk_put_cell(WINDOW *w, int y, int x, const wchar_t *wch, attr_t attrs, short pair) {
    cchar_t c;
    if (setcchar(&c, wch, attrs, pair, NULL) == ERR) return ERR;
    return mvwadd_wch(w, y, x, &c);
}

/* Reads back the text of one screen line (for headless tests). */
static inline int tk_read_line(WINDOW *w, int y, wchar_t *buf, int n) {
    return mvwinnwstr(w, y, 0, buf, n);
}

/* The codeset of the current C locale ("UTF-8" when the terminal speaks it). */
static inline const char *tk_codeset(void) { return nl_langinfo(CODESET); }

#endif
