package io.autoscale.chat.launcher;

import io.autoscale.chat.autoscaler.LoadMeasure;

/**
 * The values of `--load-measure`: the services have no trace to tell them what the load is. Lower-case,
 * because picocli lists the constants' names in --help and in the error for an unknown value.
 */
enum LoadMeasureOption {

    users(LoadMeasure.USERS),
    requests(LoadMeasure.REQUEST_RATE);

    private final LoadMeasure measure;

    LoadMeasureOption(LoadMeasure measure) {
        this.measure = measure;
    }

    LoadMeasure measure() {
        return measure;
    }
}
