package io.roster.security.boundary;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * The console's session cookie goes to the admin API only ({@code <context>/api/admin}), wherever the WAR is
 * deployed; web.xml cannot say that for every context root.
 */
@WebListener
public class ConsoleSessionCookie implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        var context = event.getServletContext();
        var cookie = context.getSessionCookieConfig();
        cookie.setPath(context.getContextPath() + "/api/admin");
        cookie.setAttribute("SameSite", "Strict");
    }
}
