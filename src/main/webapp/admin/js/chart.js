// A stacked bar chart of requests per minute by outcome, drawn as inline SVG: one bar per minute that had
// requests (success at the bottom, then 4xx, then 5xx), an hour or ten-minute axis, and a tooltip per bar.

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 960;
const HEIGHT = 240;
const PAD = {left: 44, right: 12, top: 12, bottom: 26};

function svg(tag, attributes, text) {
    const element = document.createElementNS(SVG, tag);
    for (const [name, value] of Object.entries(attributes || {})) {
        element.setAttribute(name, String(value));
    }
    if (text !== undefined) element.textContent = text;
    return element;
}

/** A round upper bound for the axis: 1, 2, 5 × 10^n. */
function niceMax(value) {
    if (value <= 4) return 4;
    const power = Math.pow(10, Math.floor(Math.log10(value)));
    for (const step of [1, 2, 5, 10]) {
        if (value <= step * power) return step * power;
    }
    return 10 * power;
}

/**
 * @param stats the answer of GET /api/admin/realms/{realm}/stats
 * @param minutes how many minutes before stats.to the chart shows (1440 for 24 hours, 60 for one hour)
 */
export function requestChart(stats, minutes) {
    const to = new Date(stats.to).getTime();
    const from = to - minutes * 60000;
    const shown = stats.minutes.filter(m => new Date(m.minute).getTime() >= from);
    const plotWidth = WIDTH - PAD.left - PAD.right;
    const plotHeight = HEIGHT - PAD.top - PAD.bottom;
    const slot = plotWidth / minutes;
    const max = niceMax(Math.max(0, ...shown.map(m => m.success + m.clientErrors + m.serverErrors)));
    const y = value => PAD.top + plotHeight - (value / max) * plotHeight;

    const chart = svg('svg', {
        viewBox: `0 0 ${WIDTH} ${HEIGHT}`, class: 'chart', role: 'img', id: 'requests-chart',
        'aria-label': `Requests per minute over the last ${minutes === 60 ? 'hour' : (minutes / 60) + ' hours'}`,
        'data-minutes': shown.length
    });

    for (const fraction of [0, 0.5, 1]) {
        const value = max * fraction;
        chart.append(svg('line', {class: fraction === 0 ? 'axis' : 'grid-line', x1: PAD.left, x2: WIDTH - PAD.right, y1: y(value), y2: y(value)}));
        chart.append(svg('text', {x: PAD.left - 6, y: y(value) + 4, 'text-anchor': 'end'}, String(value)));
    }

    // time ticks: every 3 hours over a day, every 10 minutes over an hour, at round local times
    const tickMinutes = minutes > 360 ? 180 : minutes > 60 ? 30 : 10;
    const first = new Date(from);
    first.setSeconds(0, 0);
    const offset = (tickMinutes - (first.getHours() * 60 + first.getMinutes()) % tickMinutes) % tickMinutes;
    for (let t = from + offset * 60000; t <= to; t += tickMinutes * 60000) {
        const x = PAD.left + ((t - from) / 60000) * slot;
        const label = new Date(t).toLocaleTimeString(undefined, {hour: '2-digit', minute: '2-digit'});
        chart.append(svg('line', {class: 'grid-line', x1: x, x2: x, y1: PAD.top, y2: PAD.top + plotHeight}));
        chart.append(svg('text', {x, y: HEIGHT - 8, 'text-anchor': 'middle'}, label));
    }

    const barWidth = Math.max(2, slot * 0.8);
    const bars = svg('g', {class: 'bars'});
    for (const m of shown) {
        const index = Math.floor((new Date(m.minute).getTime() - from) / 60000);
        const x = PAD.left + index * slot + (slot - barWidth) / 2;
        const total = m.success + m.clientErrors + m.serverErrors;
        const group = svg('g', {class: 'minute', 'data-minute': m.minute, 'data-count': total});
        let base = 0;
        for (const [kind, value] of [['success', m.success], ['client', m.clientErrors], ['server', m.serverErrors]]) {
            if (value > 0) {
                group.append(svg('rect', {
                    class: 'bar ' + kind, x: x.toFixed(2), width: barWidth.toFixed(2),
                    y: y(base + value).toFixed(2), height: (y(base) - y(base + value)).toFixed(2), 'data-count': value
                }));
                base += value;
            }
        }
        const time = new Date(m.minute).toLocaleTimeString(undefined, {hour: '2-digit', minute: '2-digit'});
        group.append(svg('title', {}, `${time}: ${total} request${total === 1 ? '' : 's'} — ${m.success} succeeded, `
            + `${m.clientErrors} client errors (4xx), ${m.serverErrors} server errors (5xx)`));
        bars.append(group);
    }
    chart.append(bars);

    if (shown.length === 0) {
        chart.append(svg('text', {class: 'empty-text', x: WIDTH / 2, y: HEIGHT / 2, 'text-anchor': 'middle'},
            'No provisioning requests in this period'));
    }
    return chart;
}
