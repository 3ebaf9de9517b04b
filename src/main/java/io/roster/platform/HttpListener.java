package io.roster.platform;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Best-effort host and port of the HTTP listener, for the start-up log line; never fails start-up. */
final class HttpListener {

    private HttpListener() {
    }

    static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    /**
     * Payara Micro knows its port; on other servers (or if it cannot be asked) the default 8080 is assumed. Never
     * {@code fish.payara.micro.PayaraMicro}: Payara Server has that class too, and its {@code getInstance()} boots a
     * Payara Micro launcher whose class loader breaks the deployment.
     */
    static int port() {
        for (String runtime : new String[] {"fish.payara.micro.impl.PayaraMicroImpl"}) {
            try {
                Class<?> type = Class.forName(runtime, true, Thread.currentThread().getContextClassLoader());
                Object instance = type.getMethod("getInstance").invoke(null);
                Object port = type.getMethod("getHttpPort").invoke(instance);
                if (port instanceof Integer value && value > 0) {
                    return value;
                }
            } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
                Logger.getLogger(HttpListener.class.getName()).log(Level.FINE, "HTTP port not known via " + runtime, e);
            }
        }
        return Integer.getInteger("payaramicro.port", 8080);
    }
}
