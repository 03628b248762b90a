// wcwidth(3) is an X/Open function; glibc declares it only when asked.
#define _GNU_SOURCE
#include "CLibEditShims.h"
#include <signal.h>
#include <string.h>
#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <wchar.h>

FILE *sm_stdin(void) { return stdin; }
FILE *sm_stdout(void) { return stdout; }
FILE *sm_stderr(void) { return stderr; }

int sm_buffered_line(FILE *file) {
#ifdef __GLIBC__
    // glibc's FILE is public (bits/types/struct_FILE.h): the bytes read from the descriptor
    // and not yet returned lie between these two pointers.
    const char *next = file->_IO_read_ptr, *end = file->_IO_read_end;
    return next != NULL && end > next && memchr(next, '\n', (size_t)(end - next)) != NULL;
#else
    (void)file;
    return 0;
#endif
}

EditLine *sm_el_init(const char *program) { return el_init(program, stdin, stdout, stderr); }

int sm_el_set_prompt(EditLine *el, sm_el_prompt_t prompt, char escape) {
    return el_set(el, EL_PROMPT_ESC, prompt, escape);
}

int sm_el_set_editor(EditLine *el, const char *mode) { return el_set(el, EL_EDITOR, mode); }

int sm_el_set_history(EditLine *el, History *list) { return el_set(el, EL_HIST, history, list); }

int sm_el_add_function(EditLine *el, const char *name, const char *help, sm_el_func_t function) {
    return el_set(el, EL_ADDFN, name, help, function);
}

int sm_el_bind(EditLine *el, const char *key, const char *function) {
    return el_set(el, EL_BIND, key, function, (const char *)NULL);
}

int sm_el_disable_tty_signals(EditLine *el) {
    return el_set(el, EL_SETTY, "-d", "-isig", (const char *)NULL);
}

int sm_el_set_client_data(EditLine *el, void *data) { return el_set(el, EL_CLIENTDATA, data); }

void *sm_el_get_client_data(EditLine *el) {
    void *data = NULL;
    el_get(el, EL_CLIENTDATA, &data);
    return data;
}

int sm_el_prepare_terminal(EditLine *el, int on) { return el_set(el, EL_PREP_TERM, on); }

int sm_el_refresh(EditLine *el) { return el_set(el, EL_REFRESH); }

int sm_el_source_user_config(EditLine *el) { return el_source(el, NULL); }

History *sm_history_init(int size) {
    History *h = history_init();
    if (h == NULL) return NULL;
    HistEvent event;
    // A new History keeps nothing until it has a size.
    history(h, &event, H_SETSIZE, size);
    // Immediate duplicates are not stored.
    history(h, &event, H_SETUNIQUE, 1);
    return h;
}

int sm_history_load(History *h, const char *path) { HistEvent e; return history(h, &e, H_LOAD, path); }
int sm_history_save(History *h, const char *path) { HistEvent e; return history(h, &e, H_SAVE, path); }
int sm_history_enter(History *h, const char *line) { HistEvent e; return history(h, &e, H_ENTER, line); }

const char *sm_history_newest(History *h) {
    HistEvent e;
    if (history(h, &e, H_FIRST) < 0) return NULL;
    return e.str;
}

static volatile sig_atomic_t winch_pending = 0;
static volatile sig_atomic_t termination_signal = 0;
static volatile sig_atomic_t interrupt_pending = 0;

static void on_signal(int signo) {
    switch (signo) {
    case SIGWINCH: winch_pending = 1; break;
    case SIGINT: interrupt_pending = 1; break;
    default: termination_signal = signo; break;
    }
}

static void install(int signo, int flags) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = on_signal;
    action.sa_flags = flags;
    sigemptyset(&action.sa_mask);
    sigaction(signo, &action, NULL);
}

void sm_install_signal_handlers(int restart_reads) {
    install(SIGWINCH, SA_RESTART);
    install(SIGTERM, 0);
    install(SIGHUP, 0);
    // SIGQUIT (Ctrl-\ or kill -QUIT) ends smaudit like SIGTERM: the terminal is restored and
    // the session saved, instead of a core dump that leaves the terminal in raw mode.
    install(SIGQUIT, 0);
    install(SIGINT, restart_reads ? SA_RESTART : 0);
    // A parent may have started us with these blocked (test runners and some launchers do);
    // a blocked SIGINT would leave a script unstoppable.
    sigset_t handled;
    sigemptyset(&handled);
    sigaddset(&handled, SIGWINCH);
    sigaddset(&handled, SIGTERM);
    sigaddset(&handled, SIGHUP);
    sigaddset(&handled, SIGQUIT);
    sigaddset(&handled, SIGINT);
    sigprocmask(SIG_UNBLOCK, &handled, NULL);
}

int sm_termination_signal(void) { return termination_signal; }

int sm_take_interrupt(void) {
    int pending = interrupt_pending;
    interrupt_pending = 0;
    return pending;
}

static int prompt_columns = 0;

void sm_el_set_prompt_columns(int columns) { prompt_columns = columns; }

// The columns `length` bytes of text take on a terminal (0 for a character it cannot print).
static int text_columns(const char *bytes, size_t length) {
    mbstate_t state;
    memset(&state, 0, sizeof state);
    int columns = 0;
    size_t offset = 0;
    while (offset < length) {
        wchar_t wide;
        size_t used = mbrtowc(&wide, bytes + offset, length - offset, &state);
        if (used == (size_t)-1 || used == (size_t)-2) {  // not valid here: a byte, one column
            memset(&state, 0, sizeof state);
            used = 1;
            columns += 1;
        } else {
            if (used == 0) used = 1;
            int width = wcwidth(wide);
            if (width > 0) columns += width;
        }
        offset += used;
    }
    return columns;
}

// After a resize the terminal has re-flowed the prompt and the line to the new width (tmux,
// VTE, iTerm2, kitty and Windows Terminal do), but libedit's refresh starts from where it thinks
// its first row is and redraws from the cursor: the line appeared again after itself
// (`smaudit> show foursmaudit> show four`). So the cursor is first taken back to the start of
// the prompt, as many rows up as the prompt and the text before the cursor now fill, and the
// rest of the screen is cleared; libedit then draws everything again from there.
int sm_text_columns(const char *text) { return text_columns(text, strlen(text)); }

static void redraw_after_resize(EditLine *el) {
    const LineInfo *line = el_line(el);
    int before = prompt_columns + (line ? text_columns(line->buffer, (size_t)(line->cursor - line->buffer)) : 0);
    el_resize(el);
    struct winsize size;
    int columns = ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0 ? size.ws_col : 80;
    int up = before / columns;
    fputs("\r", stdout);
    if (up > 0) fprintf(stdout, "\033[%dA", up);
    fputs("\033[J", stdout);
    fflush(stdout);
    el_set(el, EL_REFRESH);
}

// Returns 1 with a character, 0 at end of input, -1 on error or when a terminating signal
// arrived (el_gets then returns NULL and the caller checks sm_termination_signal).
static int sm_read_char(EditLine *el, wchar_t *out) {
    char bytes[MB_LEN_MAX];
    size_t count = 0;
    for (;;) {
        if (termination_signal) return -1;
        if (winch_pending) {
            winch_pending = 0;
            redraw_after_resize(el);
        }
        struct pollfd wanted = { .fd = STDIN_FILENO, .events = POLLIN };
        int ready = poll(&wanted, 1, -1);
        if (ready < 0) {
            if (errno == EINTR) continue;
            return -1;
        }
        ssize_t got = read(STDIN_FILENO, bytes + count, 1);
        if (got == 0) return 0;
        if (got < 0) {
            if (errno == EINTR || errno == EAGAIN) continue;
            return -1;
        }
        count += 1;
        mbstate_t state;
        memset(&state, 0, sizeof state);
        size_t used = mbrtowc(out, bytes, count, &state);
        if (used == (size_t)-2 && count < sizeof bytes) continue;  // more bytes of this character
        if (used == (size_t)-1 || used == (size_t)-2) {
            *out = (unsigned char)bytes[0];  // not valid in this locale: pass the byte through
        }
        return 1;
    }
}

int sm_el_use_signal_aware_reader(EditLine *el) {
    return el_set(el, EL_GETCFN, sm_read_char);
}
