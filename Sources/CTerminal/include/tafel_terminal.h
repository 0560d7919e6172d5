#ifndef TAFEL_TERMINAL_H
#define TAFEL_TERMINAL_H

/* The terminal's own part of signal handling, in C because a signal handler may only do
   async-signal-safe work: set a flag, call tcsetattr(), write(), raise().

   - SIGTERM, SIGHUP and SIGINT only set a flag that the app's loop reads and turns into a
     message (save what was typed, then end). A second one while the first is still waiting
     restores the terminal and ends at once, so a stuck program can always be stopped.
   - Crashes (SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP, SIGQUIT) restore the terminal
     from the settings saved at start and re-raise, so the exit status still names the signal. */

/* Saves the terminal settings of fd (call before curses changes them). */
void tafel_terminal_save(int fd);

/* The bytes that leave the full-screen mode (rmcup, cnorm, sgr0, mouse off), written on a crash. */
void tafel_terminal_set_restore_sequence(const char *bytes);

/* Installs the handlers described above. */
void tafel_signals_install(void);

/* Returns the waiting terminate signal (SIGTERM, SIGHUP, SIGINT) and clears it, or 0. */
int tafel_signal_take(void);

/* Marks whether curses owns the screen (the crash handler restores only then). */
void tafel_terminal_set_active(int active);

/* Restores the saved terminal settings and writes the restore sequence (async-signal-safe). */
void tafel_terminal_restore(void);

/* Stops the process group as Ctrl-Z would (the terminal must be restored first); returns when
   the program is continued. */
void tafel_suspend_self(void);

#endif
