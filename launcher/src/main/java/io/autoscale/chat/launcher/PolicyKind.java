package io.autoscale.chat.launcher;

/**
 * The scaling policies `--policy` can name. An enum, so that an unknown name fails with the list of known
 * ones; lower-case, because picocli lists the constants' names in that message and in --help.
 */
enum PolicyKind {

    /** The original demo's rule: add or remove servers when the load per server crosses a threshold. */
    threshold,

    /** Target tracking as Kubernetes' Horizontal Pod Autoscaler does it. */
    target,

    /** Step scaling: adjustments sized by how far a threshold is breached, with warm-up. */
    step,

    /** Forecasts the load one startup delay ahead (trend, then seasonal), reactive when the forecast is off. */
    predictive
}
