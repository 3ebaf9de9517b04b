package io.roster.platform;

import java.io.IOException;
import java.io.Writer;
import org.eclipse.persistence.platform.database.H2Platform;

/** EclipseLink's H2 platform writes boolean literals as 1 and 0, which H2 2.x refuses to compare with BOOLEAN. */
public class RosterH2Platform extends H2Platform {

    @Override
    protected void appendBoolean(Boolean bool, Writer writer) throws IOException {
        writer.write(Boolean.TRUE.equals(bool) ? "TRUE" : "FALSE");
    }
}
