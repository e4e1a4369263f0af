package io.autoscale.chat.producer;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Streams the per-second request counts of a trace file: non-negative integers separated by any
 * whitespace, read directly from gzip when the name ends in {@code .gz}.
 *
 * <p>A week of trace is 604,800 numbers on a single line, so the reader never holds a line: it
 * scans bytes from a fixed buffer and keeps only the token in hand. The first bad token stops the
 * read with a {@link TraceFormatException} naming the file, the token's index (which is also its
 * second), its line and column, and its text.
 */
public final class TraceReader implements Closeable {

    /** Returned by {@link #nextCount()} once every count has been read. */
    public static final int END = -1;

    private static final int BUFFER_BYTES = 64 * 1024;
    /** Bad tokens are quoted in messages; a runaway token is cut to this many bytes. */
    private static final int QUOTED_TOKEN_BYTES = 40;

    private final Path file;
    private final InputStream in;
    private final byte[] buffer = new byte[BUFFER_BYTES];
    private final byte[] token = new byte[QUOTED_TOKEN_BYTES];
    private int bufferPosition;
    private int bufferLimit;

    private long tokensRead;
    /** Position of the next byte, from 1, in lines and in characters within the line. */
    private long line = 1;
    private long column = 1;

    private TraceReader(Path file, InputStream in) {
        this.file = file;
        this.in = in;
    }

    /**
     * Opens a trace file.
     *
     * @throws TraceFormatException when the file is missing or cannot be read
     */
    public static TraceReader open(Path file) {
        if (Files.isDirectory(file)) {
            throw new TraceFormatException(file, "trace file " + file + " is a directory, not a file");
        }
        InputStream raw = null;
        try {
            raw = Files.newInputStream(file);
            InputStream in = isGzip(file) ? new GZIPInputStream(raw, BUFFER_BYTES) : raw;
            return new TraceReader(file, in);
        } catch (NoSuchFileException e) {
            throw new TraceFormatException(file, "trace file " + file + " does not exist", e);
        } catch (AccessDeniedException e) {
            throw new TraceFormatException(file, "trace file " + file + " is not readable: permission denied", e);
        } catch (IOException e) {
            closeQuietly(raw);
            throw new TraceFormatException(file, "cannot read trace file " + file + ": " + reason(e), e);
        }
    }

    /**
     * Reads a whole trace, checking every token, in one streaming pass.
     *
     * @throws TraceFormatException at the first problem
     */
    public static TraceSummary validate(Path file) {
        return validate(file, TraceSlice.WHOLE);
    }

    /**
     * Reads a whole trace, checking every token (those outside the slice too: a malformed file is
     * bad input whatever part of it is replayed), and sums up the slice.
     *
     * @return the slice's length in seconds, its requests and its peak second
     * @throws TraceFormatException     at the first problem in the file
     * @throws IllegalArgumentException when the slice starts at or past the end of the trace, or
     *                                  ends past it, naming the option and the trace's length
     */
    public static TraceSummary validate(Path file, TraceSlice slice) {
        try (TraceReader reader = open(file)) {
            long requests = 0;
            int peak = 0;
            for (int count = reader.nextCount(); count != END; count = reader.nextCount()) {
                long second = reader.secondsRead() - 1;
                boolean inSlice = second >= slice.fromSeconds() && second < slice.toSeconds();
                if (inSlice) {
                    requests += count;
                    peak = Math.max(peak, count);
                }
            }
            long traceSeconds = reader.secondsRead();
            slice.checkWithin(traceSeconds);
            return new TraceSummary(slice.lengthSeconds(traceSeconds), requests, peak);
        }
    }

    /**
     * Reads past the next {@code seconds} counts, checking them, without handing them out: a replay
     * that starts days into a trace gets there in a single pass over the text.
     *
     * @return the counts skipped: {@code seconds}, or fewer when the trace ends first
     * @throws TraceFormatException on a bad token, an empty file or a read error
     */
    public long skip(long seconds) {
        long skipped = 0;
        while (skipped < seconds && nextCount() != END) {
            skipped++;
        }
        return skipped;
    }

    public Path file() {
        return file;
    }

    /** Counts read so far, which is also the second the next count belongs to. */
    public long secondsRead() {
        return tokensRead;
    }

    /**
     * The request count of the next second.
     *
     * @return the count, or {@link #END} after the last one
     * @throws TraceFormatException on a bad token, an empty file or a read error
     */
    public int nextCount() {
        int next = skipWhitespace();
        if (next < 0) {
            if (tokensRead == 0) {
                throw new TraceFormatException(file,
                        "trace file " + file + " is empty: it holds no per-second request count");
            }
            return END;
        }
        return readToken();
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close trace file " + file, e);
        }
    }

    private int skipWhitespace() {
        while (true) {
            int next = peek();
            if (next < 0 || !isWhitespace(next)) {
                return next;
            }
            consume(next);
        }
    }

    private int readToken() {
        long tokenLine = line;
        long tokenColumn = column;
        int length = 0;
        long value = 0;
        boolean digitsOnly = true;
        boolean tooLarge = false;

        for (int next = peek(); next >= 0 && !isWhitespace(next); next = peek()) {
            consume(next);
            if (length < QUOTED_TOKEN_BYTES) {
                token[length] = (byte) next;
            }
            length++;
            if (next >= '0' && next <= '9') {
                value = value * 10 + (next - '0');
                // Stop growing once past int: the token is rejected, and a long must not overflow.
                if (value > Integer.MAX_VALUE) {
                    tooLarge = true;
                    value = Integer.MAX_VALUE + 1L;
                }
            } else {
                digitsOnly = false;
            }
        }

        if (!digitsOnly) {
            boolean negative = token[0] == '-' && length > 1 && isDigits(1, Math.min(length, QUOTED_TOKEN_BYTES));
            throw bad(tokenLine, tokenColumn, length, negative
                    ? "is negative; a request count must be 0 or more"
                    : "is not a non-negative integer");
        }
        if (tooLarge) {
            throw bad(tokenLine, tokenColumn, length, "is too large; a request count must be at most "
                    + Integer.MAX_VALUE);
        }
        tokensRead++;
        return (int) value;
    }

    private boolean isDigits(int from, int to) {
        for (int i = from; i < to; i++) {
            if (token[i] < '0' || token[i] > '9') {
                return false;
            }
        }
        return true;
    }

    private TraceFormatException bad(long tokenLine, long tokenColumn, int length, String problem) {
        String text = new String(token, 0, Math.min(length, QUOTED_TOKEN_BYTES), StandardCharsets.UTF_8);
        if (length > QUOTED_TOKEN_BYTES) {
            text += "...";
        }
        return new TraceFormatException(file, "trace file " + file + ", line " + tokenLine + ":" + tokenColumn
                + ", token " + (tokensRead + 1) + " (second " + tokensRead + "): '" + text + "' " + problem);
    }

    private int peek() {
        if (bufferPosition == bufferLimit && !fill()) {
            return -1;
        }
        return buffer[bufferPosition] & 0xFF;
    }

    private void consume(int next) {
        bufferPosition++;
        if (next == '\n') {
            line++;
            column = 1;
        } else if ((next & 0xC0) != 0x80) {
            // UTF-8 continuation bytes belong to the character before them: columns count characters.
            column++;
        }
    }

    private boolean fill() {
        try {
            int read = in.read(buffer, 0, buffer.length);
            while (read == 0) {
                read = in.read(buffer, 0, buffer.length);
            }
            if (read < 0) {
                return false;
            }
            bufferPosition = 0;
            bufferLimit = read;
            return true;
        } catch (IOException e) {
            throw new TraceFormatException(file, "cannot read trace file " + file + " at line " + line + ":"
                    + column + ", after token " + tokensRead + ": " + reason(e), e);
        }
    }

    private static String reason(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static boolean isWhitespace(int next) {
        return next == ' ' || next == '\n' || next == '\r' || next == '\t' || next == '\f' || next == 0x0B;
    }

    private static boolean isGzip(Path file) {
        Path name = file.getFileName();
        return name != null && name.toString().endsWith(".gz");
    }

    private static void closeQuietly(InputStream raw) {
        if (raw == null) {
            return;
        }
        try {
            raw.close();
        } catch (IOException suppressed) {
            // The open failure is what the user needs to see.
        }
    }
}
