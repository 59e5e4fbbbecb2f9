package org.sejour.it;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/** GreenMail as the tests' SMTP server, on the port the test domain's mail session sends to. */
public final class TestSmtp {

    private TestSmtp() {
    }

    /**
     * A started GreenMail on 127.0.0.1. Its default of 2 s to come up was too short on a loaded
     * 2-core machine right after another server had let the same port go (DocumentsIT failed so).
     */
    public static GreenMail start(int port) {
        ServerSetup setup = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        setup.setServerStartupTimeout(30_000);
        GreenMail smtp = new GreenMail(setup);
        smtp.start();
        return smtp;
    }
}
