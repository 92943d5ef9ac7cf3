package certus.data;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.Iterator;

/**
 * Records of an RFC 4180 CSV (Commons CSV: quoted fields, embedded delimiters and newlines) with the 1-based line
 * on which each record STARTS. Commons CSV numbers records, not lines, and silently skips blank lines by default,
 * which would shift every line number after a blank line; so blank lines are kept by the parser and skipped here,
 * and lines are counted from the parser's line counter. Parser failures (unclosed quote, bad charset) become
 * {@link DataFormatException}s naming the file and line.
 */
final class CsvRecordSource implements AutoCloseable {
    /** One record: raw fields (not trimmed) and the line it starts on. */
    record Row(String[] fields, long line) {
    }

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get();

    private final String source;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private long linesConsumed;

    CsvRecordSource(Reader in, String source) {
        this.source = source;
        try {
            this.parser = FORMAT.parse(in);
        } catch (IOException e) {
            throw ioFailure(e, 1);
        }
        this.records = parser.iterator();
    }

    /** The next non-blank record, or null at the end of the input. */
    Row next() {
        while (true) {
            long start = linesConsumed + 1;
            CSVRecord r;
            try {
                if (!records.hasNext()) return null;
                r = records.next();
            } catch (UncheckedIOException e) {
                throw ioFailure(e.getCause(), start);
            } catch (IllegalStateException e) {
                throw new DataFormatException(CsvCells.at(source, start) + ": malformed CSV: " + e.getMessage(), e);
            }
            linesConsumed = parser.getCurrentLineNumber();
            String[] fields = r.values();
            if (fields.length == 1 && fields[0].isBlank()) continue;
            return new Row(fields, start);
        }
    }

    private DataFormatException ioFailure(IOException e, long line) {
        if (e instanceof CharacterCodingException) {
            return new DataFormatException(CsvCells.at(source, line) + ": the file is not valid UTF-8 text. "
                    + "Maybe re-save it as UTF-8 CSV", e);
        }
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new DataFormatException(CsvCells.at(source, line) + ": malformed CSV: " + why
                + ". Maybe a quoted field is not closed (a '\"' without its partner)", e);
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
