package io.autoscale.chat.model;

/** What a decision does to the number of servers in force. */
public enum ScalingAction {
    SCALE_UP,
    SCALE_DOWN,
    NONE
}
