// Groups of the chosen realm: search with a SCIM filter, one group as a card or as its SCIM JSON, and its
// members a page at a time.
import {enc, get, query} from '../api.js';
import {clear, empty, errorBox, h, loading, number, pager, when, formatTime} from '../ui.js';
import {detail, fields, notFound, searchPage, section} from './resources.js';

const MEMBERS_PAGE = 50;

export function groupsPage(view, context) {
    return searchPage(view, context, {
        kind: 'groups',
        title: 'Groups',
        intro: 'Groups your identity providers pushed.',
        examples: ['displayName sw "Eng"', 'externalId pr', 'members.value eq "<user id>"',
            'meta.lastModified gt "2026-01-01T00:00:00Z"'],
        sorts: [['Oldest first', ''], ['displayName A–Z', 'displayName:ascending'], ['displayName Z–A', 'displayName:descending'],
            ['Recently changed', 'meta.lastModified:descending']],
        emptyText: 'Groups appear here when Okta’s Group Push or Entra ID provisions them into this realm.',
        columns: [
            {label: 'displayName', value: g => h('a', {href: `#/groups/${enc(g.id)}`}, g.displayName)},
            {label: 'Members', value: g => number(g.memberCount), num: true},
            {label: 'externalId', value: g => g.externalId ? h('span.mono', g.externalId) : h('span.muted', '—')},
            {label: 'Changed', value: g => when(g.meta?.lastModified)}
        ]
    });
}

export async function groupPage(view, context) {
    const id = context.rest[0];
    const base = `realms/${enc(context.realm)}/groups/${enc(id)}`;
    clear(view, loading());
    let group;
    try {
        group = await get(base);
    } catch (error) {
        if (error.status !== 401) notFound(view, 'Groups', '#/groups', error);
        return;
    }
    const members = h('div', {id: 'members'}, loading('Loading members…'));

    async function showMembers(startIndex) {
        try {
            const page = await get(`${base}/members` + query({startIndex, count: MEMBERS_PAGE}));
            if (page.totalResults === 0) {
                clear(members, empty('No members', 'Members appear when the identity provider pushes them.'));
                return;
            }
            clear(members,
                h('table', {id: 'members-table'},
                    h('thead', h('tr', h('th', 'userName'), h('th', 'Display'), h('th', 'id'))),
                    h('tbody', page.members.map(m => h('tr.clickable', {'data-id': m.value, onclick: () => { location.hash = `#/users/${enc(m.value)}`; }},
                        h('td', h('a', {href: `#/users/${enc(m.value)}`}, m.userName)),
                        h('td', m.display && m.display !== m.userName ? m.display : h('span.muted', '—')),
                        h('td.mono', m.value))))),
                pager(page.startIndex, page.itemsPerPage, page.totalResults,
                    direction => showMembers(Math.max(1, page.startIndex + direction * MEMBERS_PAGE))));
        } catch (error) {
            if (error.status !== 401) clear(members, errorBox(error, 'The members could not be read'));
        }
    }

    const scim = {...group};
    delete scim.memberCount;
    const card = h('div',
        h('div.columns',
            section('Group', fields([['displayName', group.displayName], ['Members', number(group.memberCount)],
                ['externalId', group.externalId]])),
            section('Record', fields([['id', h('code', group.id)], ['Created', formatTime(group.meta?.created)],
                ['Last modified', formatTime(group.meta?.lastModified)], ['Version', group.meta?.version],
                ['SCIM URL', h('code', group.meta?.location)]]))),
        h('div.card.tight', h('div.pad', h('h2', `Members (${number(group.memberCount)})`)), members));
    detail(view, {
        back: '#/groups', backLabel: '← Groups', title: group.displayName, badges: [],
        subtitle: `${number(group.memberCount)} member${group.memberCount === 1 ? '' : 's'}`,
        card, json: scim,
        jsonNote: 'Without "members": a group can have 100,000 of them; they are listed a page at a time on the card.'
    });
    await showMembers(1);
}
