package org.sejour.it.incontainer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * An SMTP server that speaks the protocol but refuses every recipient with
 * "550 5.1.1 address rejected", as a real server does for an unknown mailbox. GreenMail
 * accepts every address, hence this one for the permanent-failure test. Given which
 * addresses to refuse, it takes the others' mails and keeps their recipients.
 */
public final class RejectingSmtpServer implements AutoCloseable {

    private final ServerSocket socket;
    private final Thread thread;
    private final Predicate<String> refuses;
    private final List<String> delivered = new CopyOnWriteArrayList<>();
    private volatile int refusals;

    public RejectingSmtpServer(int port) throws IOException {
        this(port, address -> true);
    }

    /** Refuses the recipients {@code refuses} answers true for (given the address of RCPT TO). */
    public RejectingSmtpServer(int port, Predicate<String> refuses) throws IOException {
        this.refuses = refuses;
        socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new java.net.InetSocketAddress(InetAddress.getByName("127.0.0.1"), port));
        thread = new Thread(this::serve, "rejecting-smtp");
        thread.setDaemon(true);
        thread.start();
    }

    public int refusals() {
        return refusals;
    }

    /** The recipients of the mails taken, one entry per recipient and mail. */
    public List<String> delivered() {
        return List.copyOf(delivered);
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                converse(client);
            } catch (SocketException closed) {
                return;
            } catch (IOException e) {
                // the next client gets a fresh conversation
            }
        }
    }

    private void converse(Socket client) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
        Writer out = new OutputStreamWriter(client.getOutputStream(), StandardCharsets.US_ASCII);
        reply(out, "220 rejecting.test ESMTP");
        List<String> recipients = new ArrayList<>();
        for (String line; (line = in.readLine()) != null; ) {
            String command = line.toUpperCase(Locale.ROOT);
            if (command.startsWith("EHLO") || command.startsWith("HELO")) {
                reply(out, "250 rejecting.test");
            } else if (command.startsWith("MAIL FROM")) {
                recipients.clear();
                reply(out, "250 2.1.0 OK");
            } else if (command.startsWith("RCPT TO")) {
                String address = line.substring(line.indexOf('<') + 1, line.lastIndexOf('>'));
                if (refuses.test(address)) {
                    refusals++;
                    reply(out, "550 5.1.1 address rejected: no such user");
                } else {
                    recipients.add(address);
                    reply(out, "250 2.1.5 OK");
                }
            } else if (command.equals("DATA") && !recipients.isEmpty()) {
                reply(out, "354 end with <CRLF>.<CRLF>");
                for (String data; (data = in.readLine()) != null && !data.equals("."); ) {
                    // the message itself is not kept
                }
                delivered.addAll(recipients);
                recipients.clear();
                reply(out, "250 2.0.0 queued");
            } else if (command.startsWith("QUIT")) {
                reply(out, "221 2.0.0 bye");
                return;
            } else if (command.startsWith("RSET")) {
                recipients.clear();
                reply(out, "250 2.0.0 OK");
            } else if (command.startsWith("NOOP")) {
                reply(out, "250 2.0.0 OK");
            } else {
                reply(out, "503 5.5.1 bad sequence of commands");
            }
        }
    }

    private static void reply(Writer out, String line) throws IOException {
        out.write(line + "\r\n");
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
        // the conversation in progress ends before the port is handed to the next server
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
