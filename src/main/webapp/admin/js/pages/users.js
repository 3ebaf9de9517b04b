// Users of the chosen realm: search with a SCIM filter, and one user as a card or as its SCIM JSON.
import {enc, get} from '../api.js';
import {badge, clear, h, loading, when, formatTime} from '../ui.js';
import {detail, fields, notFound, searchPage, section} from './resources.js';

const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

export function displayName(user) {
    return user.displayName || user.name?.formatted
        || [user.name?.givenName, user.name?.familyName].filter(Boolean).join(' ') || user.userName;
}

function primaryEmail(user) {
    const emails = user.emails || [];
    return (emails.find(e => e.primary) || emails.find(e => e.type === 'work') || emails[0])?.value;
}

function activeBadge(user) {
    return user.active === false ? badge('inactive', 'warn') : badge('active', 'ok');
}

export function usersPage(view, context) {
    return searchPage(view, context, {
        kind: 'users',
        title: 'Users',
        intro: 'Everyone your identity providers provisioned.',
        examples: ['userName sw "a"', 'active eq false', 'emails[type eq "work"].value co "@example.com"',
            'name.familyName eq "Jensen" and title pr', 'meta.lastModified gt "2026-01-01T00:00:00Z"'],
        sorts: [['Oldest first', ''], ['userName A–Z', 'userName:ascending'], ['userName Z–A', 'userName:descending'],
            ['Recently changed', 'meta.lastModified:descending']],
        emptyText: 'Users appear here when Okta or Entra ID provisions them into this realm.',
        columns: [
            {label: 'userName', value: u => h('a', {href: `#/users/${enc(u.id)}`}, u.userName)},
            {label: 'Name', value: u => displayName(u) === u.userName ? h('span.muted', '—') : displayName(u)},
            {label: 'Email', value: u => primaryEmail(u) || h('span.muted', '—')},
            {label: 'Status', value: activeBadge},
            {label: 'Groups', value: u => String((u.groups || []).length), num: true},
            {label: 'Changed', value: u => when(u.meta?.lastModified)}
        ]
    });
}

function list(values, render) {
    if (!values || !values.length) return null;
    return h('ul', values.map(value => h('li', render(value))));
}

function kind(value) {
    return [value.type, value.primary ? 'primary' : null].filter(Boolean).join(', ');
}

export async function userPage(view, context) {
    const id = context.rest[0];
    clear(view, loading());
    let user;
    try {
        user = await get(`realms/${enc(context.realm)}/users/${enc(id)}`);
    } catch (error) {
        if (error.status !== 401) notFound(view, 'Users', '#/users', error);
        return;
    }
    const enterprise = user[ENTERPRISE] || {};
    const card = h('div.columns',
        h('div',
            section('Profile', fields([
                ['userName', user.userName], ['Display name', user.displayName], ['Formatted name', user.name?.formatted],
                ['Given name', user.name?.givenName], ['Middle name', user.name?.middleName], ['Family name', user.name?.familyName],
                ['Nickname', user.nickName], ['Title', user.title], ['User type', user.userType],
                ['Preferred language', user.preferredLanguage], ['Locale', user.locale], ['Time zone', user.timezone],
                ['Profile URL', user.profileUrl]]) || h('p.muted', 'Only a userName.')),
            section('Emails', list(user.emails, e => [e.value, ' ', h('span.muted', kind(e))])),
            section('Phone numbers', list(user.phoneNumbers, p => [p.value, ' ', h('span.muted', kind(p))])),
            section('Addresses', list(user.addresses, a => [a.formatted || [a.streetAddress, a.locality, a.region, a.postalCode, a.country].filter(Boolean).join(', '), ' ', h('span.muted', kind(a))]))),
        h('div',
            section('Groups', (user.groups || []).length
                ? list(user.groups, g => h('a', {href: `#/groups/${enc(g.value)}`}, g.display || g.value))
                : h('p.muted', 'Not a member of any group.')),
            section('Enterprise', fields([
                ['Employee number', enterprise.employeeNumber], ['Cost center', enterprise.costCenter],
                ['Organization', enterprise.organization], ['Division', enterprise.division], ['Department', enterprise.department],
                ['Manager', enterprise.manager ? (enterprise.manager.value
                    ? h('a', {href: `#/users/${enc(enterprise.manager.value)}`}, enterprise.manager.displayName || enterprise.manager.value)
                    : enterprise.manager.displayName) : null]])),
            section('Roles and entitlements', fields([
                ['Roles', (user.roles || []).map(r => r.display || r.value).join(', ')],
                ['Entitlements', (user.entitlements || []).map(r => r.display || r.value).join(', ')]])),
            section('Record', fields([
                ['id', h('code', user.id)], ['externalId', user.externalId], ['Created', formatTime(user.meta?.created)],
                ['Last modified', formatTime(user.meta?.lastModified)], ['Version', user.meta?.version],
                ['SCIM URL', h('code', user.meta?.location)]]))));
    detail(view, {
        back: '#/users', backLabel: '← Users', title: displayName(user), badges: [activeBadge(user)],
        subtitle: user.userName + (primaryEmail(user) && primaryEmail(user) !== user.userName ? ' · ' + primaryEmail(user) : ''),
        card, json: user
    });
}
