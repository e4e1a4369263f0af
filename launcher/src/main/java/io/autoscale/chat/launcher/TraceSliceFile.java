package io.autoscale.chat.launcher;

import io.autoscale.chat.producer.TraceReader;
import io.autoscale.chat.producer.TraceSlice;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a slice of a trace as a plain trace file of its own, one count per line, so that a
 * command that replays whole files can replay the slice.
 */
final class TraceSliceFile {

    private TraceSliceFile() {
    }

    /**
     * @return the seconds written: the slice's length, or less when the trace ends first
     * @throws io.autoscale.chat.producer.TraceFormatException on a bad trace
     */
    static long write(Path trace, TraceSlice slice, Path target) {
        try (TraceReader reader = TraceReader.open(trace);
                BufferedWriter out = Files.newBufferedWriter(target, StandardCharsets.US_ASCII)) {
            reader.skip(slice.fromSeconds());
            long written = 0;
            for (long second = slice.fromSeconds(); second < slice.toSeconds(); second++) {
                int count = reader.nextCount();
                if (count == TraceReader.END) {
                    break;
                }
                out.write(Integer.toString(count));
                out.newLine();
                written++;
            }
            return written;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the trace slice to " + target, e);
        }
    }
}
