#!/bin/sh
# Health check of an autoscale-chat service container: healthy while the service's JVM holds an
# established TCP connection to the Kafka port named in AUTOSCALE_CHAT_BOOTSTRAP_SERVERS. A Kafka
# client keeps that connection open for as long as it polls or produces, so this says "alive and
# talking to the cluster"; it needs no tool beyond sh and grep, which the JRE image has.
set -eu

first_server="${AUTOSCALE_CHAT_BOOTSTRAP_SERVERS%%,*}"
kafka_port="${first_server##*:}"
port_hex="$(printf '%04X' "$kafka_port")"

# /proc/net/tcp{,6}: "sl local_address rem_address st ...", addresses as HEX:PORT, state 01 = ESTABLISHED.
grep -Eqs "^ *[0-9]+: [0-9A-F]+:[0-9A-F]{4} [0-9A-F]+:${port_hex} 01 " /proc/net/tcp /proc/net/tcp6
