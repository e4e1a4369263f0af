#!/bin/bash
# Creates the experiment's topics on the compose broker, as the model's TopicSetup.topicsFor does:
# the per-request topics with PARTITIONS partitions, the topics whose order is their meaning with
# one. Runs in the apache/kafka image with its own kafka-topics.sh; existing topics are kept, so
# running it again is harmless. ComposeFileTest checks this list against TopicSetup.
set -euo pipefail

bootstrap_servers="${BOOTSTRAP_SERVERS:-kafka:9092}"
partitions="${PARTITIONS:-3}"
replication_factor="${REPLICATION_FACTOR:-1}"

create_topic() {
  /opt/kafka/bin/kafka-topics.sh --bootstrap-server "$bootstrap_servers" --create --if-not-exists \
    --topic "$1" --partitions "$2" --replication-factor "$replication_factor"
}

# Each call starts a JVM: in parallel, and the script fails when any of them fails.
pids=()
create_topic chat.requests "$partitions" & pids+=($!)
create_topic chat.completions "$partitions" & pids+=($!)
create_topic scaling.decisions 1 & pids+=($!)
create_topic chat.control 1 & pids+=($!)
create_topic chat.dead-letters 1 & pids+=($!)
create_topic autoscaler.window-partials 1 & pids+=($!)
for pid in "${pids[@]}"; do
  wait "$pid"
done

/opt/kafka/bin/kafka-topics.sh --bootstrap-server "$bootstrap_servers" --describe
