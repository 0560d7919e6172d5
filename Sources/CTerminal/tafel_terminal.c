#include "tafel_terminal.h"

#include <signal.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

static struct termios saved_termios;
static int saved_fd = -1;
static char restore_bytes[256];
static size_t restore_length = 0;
static volatile sig_atomic_t pending_signal = 0;
static volatile sig_atomic_t terminal_active = 0;

void tafel_terminal_save(int fd) {
    if (tcgetattr(fd, &saved_termios) == 0) saved_fd = fd;
}

void tafel_terminal_set_restore_sequence(const char *bytes) {
    size_t n = strlen(bytes);
    if (n >= sizeof restore_bytes) n = sizeof restore_bytes - 1;
    memcpy(restore_bytes, bytes, n);
    restore_bytes[n] = 0;
    restore_length = n;
}

void tafel_terminal_set_active(int active) { terminal_active = active; }

void tafel_terminal_restore(void) {
    if (!terminal_active) return;
    terminal_active = 0;
    if (restore_length > 0) {
        ssize_t w = write(STDOUT_FILENO, restore_bytes, restore_length);
        (void)w;
    }
    if (saved_fd >= 0) tcsetattr(saved_fd, TCSANOW, &saved_termios);
}

static void on_terminate(int sig) {
    if (pending_signal != 0) {
        /* The first one was not handled yet: the app is stuck. Restore and end now. */
        tafel_terminal_restore();
        _exit(128 + sig);
    }
    pending_signal = sig;
}

static void on_crash(int sig) {
    tafel_terminal_restore();
    signal(sig, SIG_DFL);
    raise(sig);
}

void tafel_signals_install(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sigemptyset(&sa.sa_mask);
    sa.sa_handler = on_terminate;
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
    sa.sa_handler = on_crash;
    int crashes[] = { SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP, SIGQUIT };
    for (unsigned i = 0; i < sizeof crashes / sizeof crashes[0]; i++) sigaction(crashes[i], &sa, NULL);
}

int tafel_signal_take(void) {
    int s = pending_signal;
    pending_signal = 0;
    return s;
}

void tafel_suspend_self(void) {
    struct sigaction dfl, old;
    memset(&dfl, 0, sizeof dfl);
    sigemptyset(&dfl.sa_mask);
    dfl.sa_handler = SIG_DFL;
    sigaction(SIGTSTP, &dfl, &old);
    /* A parent may have started us with SIGTSTP blocked; it must get through to stop us. */
    sigset_t tstp, previous;
    sigemptyset(&tstp);
    sigaddset(&tstp, SIGTSTP);
    sigprocmask(SIG_UNBLOCK, &tstp, &previous);
    kill(0, SIGTSTP);
    sigprocmask(SIG_SETMASK, &previous, NULL);
    sigaction(SIGTSTP, &old, NULL);
}
