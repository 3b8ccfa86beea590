#ifndef LIANGXIN_CNCURSESW_SHIM_H
#define LIANGXIN_CNCURSESW_SHIM_H
// The one C header of the project. NCURSES_WIDECHAR must come before curses.h, or get_wch,
// cchar_t and mvadd_wch are missing. Macros Swift cannot import are wrapped in static inline
// functions named lx_*.
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <stdio.h>
#include <wchar.h>
#include <langinfo.h>
#include <ncursesw/curses.h>

// Hidden by Glibc's Swift module; the backend needs the C library's idea of a character's width
// (ncurses and the terminal advance by it).
extern int wcwidth(wchar_t c);

// Attributes
static inline attr_t lx_a_normal(void) { return A_NORMAL; }
static inline attr_t lx_a_bold(void) { return A_BOLD; }
static inline attr_t lx_a_reverse(void) { return A_REVERSE; }
static inline attr_t lx_a_underline(void) { return A_UNDERLINE; }
static inline attr_t lx_color_pair(int n) { return COLOR_PAIR(n); }

// Globals (C variables are shared mutable state to Swift 6; read them through functions)
static inline WINDOW *lx_stdscr(void) { return stdscr; }
static inline WINDOW *lx_curscr(void) { return curscr; }
static inline int lx_colors(void) { return COLORS; }
static inline int lx_color_pairs(void) { return COLOR_PAIRS; }
static inline FILE *lx_stdout(void) { return stdout; }
static inline FILE *lx_stdin(void) { return stdin; }
static inline FILE *lx_stderr(void) { return stderr; }

// Window size (getmaxyx is a macro)
static inline int lx_getmaxy(WINDOW *w) { return getmaxy(w); }
static inline int lx_getmaxx(WINDOW *w) { return getmaxx(w); }

// Result and key codes
static inline int lx_err(void) { return ERR; }
static inline int lx_ok(void) { return OK; }
static inline int lx_key_code_yes(void) { return KEY_CODE_YES; }
static inline int lx_key_f(int n) { return KEY_F(n); }
static inline int lx_key_f0(void) { return KEY_F0; }
static inline int lx_key_up(void) { return KEY_UP; }
static inline int lx_key_down(void) { return KEY_DOWN; }
static inline int lx_key_left(void) { return KEY_LEFT; }
static inline int lx_key_right(void) { return KEY_RIGHT; }
static inline int lx_key_home(void) { return KEY_HOME; }
static inline int lx_key_end(void) { return KEY_END; }
static inline int lx_key_ppage(void) { return KEY_PPAGE; }
static inline int lx_key_npage(void) { return KEY_NPAGE; }
static inline int lx_key_enter(void) { return KEY_ENTER; }
static inline int lx_key_backspace(void) { return KEY_BACKSPACE; }
static inline int lx_key_dc(void) { return KEY_DC; }
static inline int lx_key_btab(void) { return KEY_BTAB; }
static inline int lx_key_resize(void) { return KEY_RESIZE; }
static inline int lx_key_mouse(void) { return KEY_MOUSE; }
static inline int lx_key_a1(void) { return KEY_A1; }
static inline int lx_key_c1(void) { return KEY_C1; }
static inline int lx_key_a3(void) { return KEY_A3; }
static inline int lx_key_c3(void) { return KEY_C3; }

// Mouse
static inline mmask_t lx_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t lx_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t lx_button1_released(void) { return BUTTON1_RELEASED; }

// Characters per cchar_t (one spacing character plus combining ones)
static inline int lx_ccharw_max(void) { return CCHARW_MAX; }

// The codeset of the current locale ("UTF-8" when Chinese can be shown)
static inline const char *lx_codeset(void) { return nl_langinfo(CODESET); }

#endif
