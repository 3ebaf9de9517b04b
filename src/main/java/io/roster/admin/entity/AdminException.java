package io.roster.admin.entity;

/** A failure of an admin API request, answered as {@code {"error": message, "status": status}}. */
public class AdminException extends RuntimeException {

    private final int status;

    public AdminException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }

    public static AdminException badRequest(String message) {
        return new AdminException(400, message);
    }

    public static AdminException notFound(String message) {
        return new AdminException(404, message);
    }

    public static AdminException conflict(String message) {
        return new AdminException(409, message);
    }

    public static AdminException notImplemented(String message) {
        return new AdminException(501, message);
    }
}
