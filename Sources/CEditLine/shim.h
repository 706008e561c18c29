#ifndef HEXMAP_CEDITLINE_SHIM_H
#define HEXMAP_CEDITLINE_SHIM_H

// libedit (the line editor LLDB and the Swift REPL use) for the REPL's prompt.
// Its el_set, el_get and history calls are variadic, which Swift cannot call,
// so each use gets a small typed wrapper here.

#include <stdio.h>
#include <wchar.h>
#include <histedit.h>

// The standard streams are C globals Swift 6 will not name; libedit gets them here.
static inline EditLine *hm_el_init(const char *program) {
    return el_init(program, stdin, stdout, stderr);
}

// Text for the terminal between prompts (a cancelled line's ^C, completion lists).
static inline void hm_el_print(const char *text) {
    fputs(text, stdout);
    fflush(stdout);
}

static inline int hm_el_set_prompt(EditLine *el, char *(*prompt)(EditLine *)) {
    return el_set(el, EL_PROMPT, prompt);
}

static inline int hm_el_set_editor(EditLine *el, const char *mode) {
    return el_set(el, EL_EDITOR, mode);
}

static inline int hm_el_set_history(EditLine *el, History *history_state) {
    return el_set(el, EL_HIST, history, history_state);
}

static inline int hm_el_add_function(EditLine *el, const char *name, const char *help,
                                     unsigned char (*function)(EditLine *, int)) {
    return el_set(el, EL_ADDFN, name, help, function);
}

static inline int hm_el_bind(EditLine *el, const char *key, const char *command) {
    return el_set(el, EL_BIND, key, command, NULL);
}

static inline History *hm_history_new(int size) {
    History *history_state = history_init();
    HistEvent event;
    if (history_state) {
        history(history_state, &event, H_SETSIZE, size);
        history(history_state, &event, H_SETUNIQUE, 1);
    }
    return history_state;
}

static inline void hm_history_enter(History *history_state, const char *line) {
    HistEvent event;
    history(history_state, &event, H_ENTER, line);
}

// Reading keys ourselves (EL_GETCFN, see EditLineInput.swift) instead of libedit's
// EL_SIGNAL handling, which re-sends every signal it catches to the whole process
// group: a SIGTERM sent to hexmap would kill the shell around it.
static inline int hm_el_set_reader(EditLine *el, int (*reader)(EditLine *, wchar_t *)) {
    return el_set(el, EL_GETCFN, reader);
}

// Redraws the prompt and the line (after the terminal changed size).
static inline void hm_el_refresh(EditLine *el) {
    el_set(el, EL_REFRESH);
}

#endif
