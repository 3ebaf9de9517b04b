package io.roster.audit.boundary;

import io.roster.audit.control.QueryParameter;
import io.roster.audit.control.RequestRecorder;
import io.roster.audit.control.RequestRecorder.FinishedRequest;
import io.roster.security.entity.RejectedRequest;
import io.roster.security.entity.RequestAttributes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/** Records the SCIM requests that authentication answered itself (401, 429, 503) in the provisioning log. */
@ApplicationScoped
public class RejectedRequestRecorder {

    @Inject
    RequestRecorder recorder;

    void record(@Observes RejectedRequest rejected) {
        HttpServletRequest request = rejected.request();
        Object started = request.getAttribute(RequestAttributes.STARTED_NANOS);
        recorder.record(new FinishedRequest(rejected.realm(), rejected.accountName(), request.getMethod(),
                request.getRequestURI().substring(request.getContextPath().length()), null,
                QueryParameter.first(request.getQueryString(), "filter"), rejected.status(), null,
                started instanceof Long nanos ? nanos : System.nanoTime(), request.getHeader("User-Agent")));
    }
}
