// Dashboard: requests per minute by outcome over the last 24 hours (or hour), totals and the current error rate.
import {enc, get, newestOnly, STALE} from '../api.js';
import {clear, errorBox, h, number, percent} from '../ui.js';
import {requestChart} from '../chart.js';

const REFRESH_SECONDS = 30;

export async function dashboardPage(view, context) {
    let minutes = 1440;
    let stats = null;
    const chartBox = h('div.chart-wrap');
    const kpis = h('div.grid.kpis');
    const failures = h('div');
    const updated = h('span.muted', {id: 'dashboard-updated'});
    const problem = h('div');
    const rangeButtons = [[1440, 'Last 24 hours'], [60, 'Last hour']].map(([value, label]) =>
        h('button', {type: 'button', 'data-minutes': value, class: value === minutes ? 'on' : '', onclick: () => {
            minutes = value;
            rangeButtons.forEach(b => b.classList.toggle('on', Number(b.dataset.minutes) === minutes));
            draw();
        }}, label));

    clear(view,
        h('div.page-head',
            h('div', h('h1', 'Dashboard'), h('p.muted', 'SCIM provisioning in the realm ', h('strong', context.realm), '.')),
            h('div.actions', updated, h('button', {type: 'button', onclick: () => refresh()}, 'Refresh'))),
        problem,
        kpis,
        h('div.card',
            h('div.realm-head', h('h2', 'Requests per minute'), h('div.segmented', rangeButtons)),
            chartBox,
            h('div.legend', h('span.success', 'Succeeded (2xx, 304)'), h('span.client', 'Client errors (4xx)'),
                h('span.server', 'Server errors (5xx)'))),
        failures);

    function draw() {
        if (stats) clear(chartBox, requestChart(stats, minutes));
    }

    function kpi(label, value, sub, kind, id) {
        return h('div.kpi' + (kind ? '.' + kind : ''), {id}, h('div.label', label), h('div.value', value), sub ? h('div.sub', sub) : null);
    }

    const readAll = newestOnly(() => Promise.all([get(`realms/${enc(context.realm)}/stats?hours=24`), get('auth-failures')]));

    async function refresh() {
        try {
            const all = await readAll();
            if (all === STALE) return;
            const [answer, auth] = all;
            stats = answer;
            const t = stats.totals;
            const recent = stats.recent;
            const rate = recent.requests ? recent.errorRate : null;
            const rateKind = rate === null ? '' : recent.serverErrors > 0 || rate >= 0.5 ? 'bad' : rate >= 0.05 ? 'warn' : 'ok';
            clear(kpis,
                kpi('Requests, 24 hours', number(t.requests), null, null, 'kpi-requests'),
                kpi('Succeeded', number(t.success), null, t.requests ? 'ok' : null, 'kpi-success'),
                kpi('Client errors (4xx)', number(t.clientErrors), null, t.clientErrors ? 'warn' : null, 'kpi-4xx'),
                kpi('Server errors (5xx)', number(t.serverErrors), null, t.serverErrors ? 'bad' : null, 'kpi-5xx'),
                kpi('Error rate now', rate === null ? '—' : percent(rate),
                    rate === null ? `no requests in the last ${recent.minutes} minutes`
                        : `${number(recent.clientErrors + recent.serverErrors)} of ${number(recent.requests)} in the last ${recent.minutes} minutes`,
                    rateKind, 'kpi-error-rate'));
            clear(problem, stats.droppedSinceStart > 0 ? h('div.alert', `${number(stats.droppedSinceStart)} log entries were dropped since this instance started: the database could not keep up. Counts here miss them.`) : null);
            draw();
            clear(failures, authFailures(auth));
            updated.textContent = 'Updated ' + new Date().toLocaleTimeString();
        } catch (error) {
            if (error.status !== 401) clear(problem, errorBox(error, 'The statistics could not be read'));
        }
    }

    await refresh();
    const timer = setInterval(refresh, REFRESH_SECONDS * 1000);
    context.onLeave(() => clearInterval(timer));
}

function authFailures(auth) {
    if (!auth.sources.length) {
        return h('div.card', h('h2', 'Failed sign-ins and token attempts'),
            h('p.muted', 'None since this instance started.'));
    }
    return h('div.card.tight',
        h('div.pad', h('h2', `Failed authentication: ${number(auth.total)} since this instance started`),
            h('p.hint', 'Wrong tokens from SCIM clients and wrong administrator passwords, by source address.')),
        h('table',
            h('thead', h('tr', h('th', 'Source'), h('th.num', 'Failures'), h('th', 'Last'))),
            h('tbody', auth.sources.slice(0, 10).map(s => h('tr',
                h('td.mono', s.source), h('td.num', number(s.failures)),
                h('td', new Date(s.lastFailureAt).toLocaleString()))))));
}
