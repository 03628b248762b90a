#ifndef CLIBEDIT_SHIMS_H
#define CLIBEDIT_SHIMS_H
// Non-variadic wrappers around libedit: Swift cannot call el_set, el_get or history directly,
// and Swift 6 rejects the stdio globals, so they are handed over from here.
#include <stdio.h>
#include <histedit.h>

typedef unsigned char (*sm_el_func_t)(EditLine *, int);
typedef char *(*sm_el_prompt_t)(EditLine *);

FILE *sm_stdin(void);
FILE *sm_stdout(void);
FILE *sm_stderr(void);
/// Whether `file`'s stdio buffer already holds a whole line, which the next read returns
/// without waiting (always 0 where the C library's FILE is not glibc's).
int sm_buffered_line(FILE *file);

EditLine *sm_el_init(const char *program);
int sm_el_set_prompt(EditLine *el, sm_el_prompt_t prompt, char escape);
int sm_el_set_editor(EditLine *el, const char *mode);
int sm_el_set_history(EditLine *el, History *history);
int sm_el_add_function(EditLine *el, const char *name, const char *help, sm_el_func_t function);
int sm_el_bind(EditLine *el, const char *key, const char *function);
/// Takes the terminal out of signal mode while editing, so Ctrl-C arrives as a key.
int sm_el_disable_tty_signals(EditLine *el);
int sm_el_set_client_data(EditLine *el, void *data);
void *sm_el_get_client_data(EditLine *el);
int sm_el_prepare_terminal(EditLine *el, int on);
int sm_el_refresh(EditLine *el);
/// Reads ~/.editrc (or $EDITRC) when present, as other libedit programs do.
int sm_el_source_user_config(EditLine *el);

History *sm_history_init(int size);
int sm_history_load(History *history, const char *path);
int sm_history_save(History *history, const char *path);
int sm_history_enter(History *history, const char *line);
/// The newest entry, or NULL when the history is empty.
const char *sm_history_newest(History *history);

/// The columns the prompt takes on the terminal (without its colour sequences), so that a
/// resize can take the cursor back to the prompt's start before the line is drawn again.
void sm_el_set_prompt_columns(int columns);
/// The columns UTF-8 `text` takes on a terminal in the current locale (wide characters two).
int sm_text_columns(const char *text);

/// Makes the editor read keys through sm_read_char: it waits with poll(2), so a window resize
/// redraws the line at once and SIGTERM/SIGHUP end the read instead of being lost in a restart.
int sm_el_use_signal_aware_reader(EditLine *el);

/// Installs flag-only handlers: SIGWINCH (resize), SIGTERM and SIGHUP (terminate), and SIGINT
/// (interrupt). With restart_reads == 0 a blocking read returns EINTR on SIGINT, so a script
/// waiting for input can stop with status 130.
void sm_install_signal_handlers(int restart_reads);
/// The terminating signal received (SIGTERM or SIGHUP), or 0.
int sm_termination_signal(void);
/// Whether SIGINT arrived since the last call; clears the flag.
int sm_take_interrupt(void);

#endif
