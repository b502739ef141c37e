package io.tsstudio.ui.concurrent;

/** Which bounded executor a job runs on. */
public enum Lane {
    /** LibTorch: compile, trace, run, save, open, checks of code. A few threads, so one hung model cannot stop all. */
    ENGINE,
    /** ELK layout: one thread with a 512 MiB stack (ELK recurses along long chains). */
    LAYOUT,
    /** Small ordered work: file writes (autosave), highlighting. One thread, so a removal cannot overtake its write. */
    IO
}
