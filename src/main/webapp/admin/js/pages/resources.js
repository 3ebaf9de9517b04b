// What the users and groups pages share: a SCIM filter search with paging, and a resource shown as a readable
// card or as its JSON.
import {enc, get, query} from '../api.js';
import {clear, copyField, empty, errorBox, h, loading, pager} from '../ui.js';

const PAGE = 25;

/**
 * @param options {kind: 'users'|'groups', title, intro, examples: [filter…], columns: [{label, value: r => node, num?}],
 *                 sorts: [[label, sortBy, sortOrder]], emptyText}
 */
export async function searchPage(view, context, options) {
    const params = context.params;
    const filter = params.get('filter') || '';
    const startIndex = Math.max(1, Number(params.get('startIndex')) || 1);
    const sort = params.get('sort') || '';
    const filterInput = h('input', {id: 'filter', value: filter, placeholder: options.examples[0], spellcheck: 'false',
        'aria-label': 'SCIM filter', autocomplete: 'off'});
    const sortSelect = h('select', {id: 'sort'}, options.sorts.map(([label, value]) => h('option', {value, selected: value === sort}, label)));
    const results = h('div', {id: 'results'}, loading());

    function go(next) {
        const search = query({filter: next.filter, sort: next.sort, startIndex: next.startIndex > 1 ? next.startIndex : ''});
        location.hash = `#/${options.kind}${search}`;
    }

    clear(view,
        h('div.page-head', h('div', h('h1', options.title), h('p.muted', options.intro, ' Realm ', h('strong', context.realm), '.'))),
        h('form.card', {onsubmit: e => { e.preventDefault(); go({filter: filterInput.value.trim(), sort: sortSelect.value, startIndex: 1}); }},
            h('div.filter-bar',
                h('label', 'Filter (SCIM filter language, RFC 7644 §3.4.2.2)', filterInput),
                h('label', {class: 'narrow'}, 'Order', sortSelect),
                h('button.primary', {type: 'submit', id: 'search'}, 'Search'),
                filter ? h('button.ghost', {type: 'button', onclick: () => go({sort: sortSelect.value})}, 'Clear') : null),
            h('div.examples', 'Examples:', options.examples.map(example =>
                h('button.chip', {type: 'button', onclick: () => { filterInput.value = example; filterInput.focus(); }}, example)))),
        results);

    const [sortBy, sortOrder] = sort ? sort.split(':') : ['', ''];
    let answer;
    try {
        answer = await get(`realms/${enc(context.realm)}/${options.kind}` + query({filter, sortBy, sortOrder, startIndex, count: PAGE}));
    } catch (error) {
        if (error.status !== 401) clear(results, errorBox(error, filter ? 'The filter was refused' : 'The search failed'));
        return;
    }
    if (answer.totalResults === 0) {
        clear(results, h('div.card', filter
            ? empty(`No ${options.kind} match this filter`, 'Check attribute names and quotes: string values are in double quotes.')
            : empty(`No ${options.kind} in ${context.realm} yet`, options.emptyText)));
        return;
    }
    const rows = answer.Resources.map(resource => h('tr.clickable', {'data-id': resource.id,
            onclick: () => { location.hash = `#/${options.kind}/${enc(resource.id)}`; }},
        options.columns.map(column => h(column.num ? 'td.num' : 'td', column.value(resource)))));
    clear(results, h('div.card.tight',
        h('table', {id: options.kind + '-table'},
            h('thead', h('tr', options.columns.map(column => h(column.num ? 'th.num' : 'th', column.label)))),
            h('tbody', rows)),
        pager(answer.startIndex, answer.itemsPerPage, answer.totalResults,
            direction => go({filter, sort, startIndex: Math.max(1, answer.startIndex + direction * PAGE)}))));
}

/** A detail page: title, a Card | JSON switch, and extra sections under the card. */
export function detail(view, options) {
    const cardView = h('div', {id: 'card-view'}, options.card);
    const jsonView = h('div', {id: 'json-view', hidden: true},
        h('div.card',
            h('div.realm-head', h('h2', 'SCIM representation'), copyField(JSON.stringify(options.json, null, 2), {id: 'json-copy'}).querySelector('button')),
            options.jsonNote ? h('p.hint', options.jsonNote) : null,
            h('pre.json', {id: 'resource-json'}, JSON.stringify(options.json, null, 2))));
    const tabs = [['Card', cardView], ['JSON', jsonView]].map(([label, panel], index) =>
        h('button', {type: 'button', class: index === 0 ? 'on' : '', 'data-tab': label.toLowerCase(), onclick: () => {
            tabs.forEach(t => t.classList.toggle('on', t.dataset.tab === label.toLowerCase()));
            cardView.hidden = panel !== cardView;
            jsonView.hidden = panel !== jsonView;
        }}, label));
    clear(view,
        h('div.breadcrumb', h('a', {href: options.back}, options.backLabel)),
        h('div.resource-title', h('h1', options.title), options.badges),
        h('p.muted', options.subtitle),
        h('div.tabs', tabs),
        cardView,
        jsonView);
}

/** A definition list of the present values only. */
export function fields(pairs) {
    const present = pairs.filter(([, value]) => value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0));
    if (!present.length) return null;
    return h('dl.fields', present.flatMap(([label, value]) => [h('dt', label), h('dd', value instanceof Node ? value : String(value))]));
}

export function section(title, content) {
    return content ? h('div.card', h('h2', title), content) : null;
}

export function notFound(view, kind, back, error) {
    clear(view, h('div.breadcrumb', h('a', {href: back}, '← ' + kind)), errorBox(error));
}
