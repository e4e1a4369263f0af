package io.autoscale.chat.balancer;

import io.autoscale.chat.model.Watermark;

/** Where the routing stage hands what it has routed: requests to their server, watermarks to everyone. */
interface RoutedSink {

    void request(RoutedRequest request);

    /** A watermark of a requests partition, handed out only once every earlier request of it is routed. */
    void watermark(Watermark watermark);
}
