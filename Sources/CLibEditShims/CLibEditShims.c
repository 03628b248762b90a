#include "CLibEditShims.h"
#include <signal.h>
#include <string.h>

FILE *sm_stdin(void) { return stdin; }
FILE *sm_stdout(void) { return stdout; }
FILE *sm_stderr(void) { return stderr; }

EditLine *sm_el_init(const char *program) { return el_init(program, stdin, stdout, stderr); }

int sm_el_set_prompt(EditLine *el, sm_el_prompt_t prompt, char escape) {
    return el_set(el, EL_PROMPT_ESC, prompt, escape);
}

int sm_el_set_editor(EditLine *el, const char *mode) { return el_set(el, EL_EDITOR, mode); }

int sm_el_set_history(EditLine *el, History *history) { return el_set(el, EL_HIST, history, history); }

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

static void on_winch(int signo) {
    (void)signo;
    winch_pending = 1;
}

void sm_install_winch_handler(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = on_winch;
    action.sa_flags = SA_RESTART;
    sigemptyset(&action.sa_mask);
    sigaction(SIGWINCH, &action, NULL);
}

int sm_take_winch(void) {
    int pending = winch_pending;
    winch_pending = 0;
    return pending;
}
