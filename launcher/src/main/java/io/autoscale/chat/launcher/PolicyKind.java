package io.autoscale.chat.launcher;

/**
 * The scaling policies `--policy` can name. An enum, so that an unknown name fails with the list of known
 * ones; lower-case, because picocli lists the constants' names in that message and in --help.
 */
enum PolicyKind {

    /** The original demo's rule: add or remove servers when the load per server crosses a threshold. */
    threshold
}
