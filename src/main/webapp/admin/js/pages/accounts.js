// Service accounts of the chosen realm: create (scopes, expiry, rate limit), the new token shown once, rotation
// (a new token beside the old), revocation and deletion; each token's expiry and last use.
import {del, enc, get, post} from '../api.js';
import {badge, clear, confirm, copyField, empty, errorBox, h, loading, toast, when, formatTime} from '../ui.js';

export async function accountsPage(view, context) {
    const base = `realms/${enc(context.realm)}/service-accounts`;
    const secret = h('div', {id: 'token-panel'});
    const message = h('div', {id: 'accounts-message'});
    const list = h('div', {id: 'accounts'}, loading());

    const name = h('input', {id: 'account-name', placeholder: 'okta', required: true, autocomplete: 'off',
        pattern: '[A-Za-z0-9][A-Za-z0-9._@-]*', title: 'Letters, digits, ".", "_", "@" and "-"'});
    const read = h('input', {type: 'checkbox', id: 'scope-read', checked: true});
    const write = h('input', {type: 'checkbox', id: 'scope-write', checked: true});
    const expires = h('input', {type: 'datetime-local', id: 'account-expires'});
    const perSecond = h('input', {type: 'number', min: 1, id: 'rate-per-second', placeholder: 'default'});
    const burst = h('input', {type: 'number', min: 1, id: 'rate-burst', placeholder: 'default'});
    const createButton = h('button.primary', {type: 'submit', id: 'create-account'}, 'Create service account');

    function showToken(title, token, accountName) {
        clear(secret, h('div.card.secret', {role: 'alert'},
            h('h2', title),
            h('p.never', 'Copy this token now. You won’t see it again: Roster keeps only a hash of it.'),
            copyField(token, {input: true, id: 'new-token', label: 'New token'}),
            h('p.hint', 'Okta: Authentication Mode “HTTP Header”, value ', h('code', 'Bearer <token>'), '. ',
                'Okta “Basic Auth”: user name ', h('code', accountName), ', password the token.'),
            h('div.actions', h('button', {type: 'button', id: 'token-done', onclick: () => clear(secret)}, 'I have copied it'))));
        secret.scrollIntoView({block: 'nearest'});
    }

    async function refresh() {
        try {
            const answer = await get(base);
            clear(list, answer.serviceAccounts.length === 0
                ? h('div.card', empty(`No service accounts in ${context.realm} yet`,
                    'Create one above for each identity provider that provisions into this realm.'))
                : answer.serviceAccounts.map(account => accountCard(account)));
        } catch (error) {
            if (error.status !== 401) clear(list, errorBox(error, 'The service accounts could not be read'));
        }
    }

    async function act(work, failure) {
        clear(message);
        try {
            await work();
        } catch (error) {
            if (error.status !== 401) clear(message, errorBox(error, failure));
        }
        await refresh();
    }

    async function create(event) {
        event.preventDefault();
        const scopes = [read.checked && 'scim:read', write.checked && 'scim:write'].filter(Boolean);
        if (!scopes.length) {
            clear(message, errorBox(new Error('Choose at least one scope: read, write or both.')));
            return;
        }
        const body = {name: name.value.trim(), scopes};
        if (expires.value) body.expiresAt = new Date(expires.value).toISOString();
        if (perSecond.value) body.rateLimit = {perSecond: Number(perSecond.value), ...(burst.value ? {burst: Number(burst.value)} : {})};
        createButton.disabled = true;
        await act(async () => {
            const account = await post(base, body);
            showToken(`Service account ${account.name} created`, account.token, account.name);
            name.value = '';
            expires.value = '';
            perSecond.value = '';
            burst.value = '';
        }, 'The service account could not be created');
        createButton.disabled = false;
    }

    function rotate(account) {
        return act(async () => {
            const token = await post(`${base}/${enc(account.id)}/tokens`, {});
            showToken(`New token for ${account.name}`, token.token, account.name);
            toast('New token created. Revoke the old one once your identity provider uses the new one.');
        }, `No new token for ${account.name}`);
    }

    async function revoke(account, token) {
        if (!await confirm('Revoke this token?', `Requests with it (account ${account.name}) are refused from now on. This cannot be undone.`, 'Revoke token')) return;
        await act(async () => {
            await del(`${base}/${enc(account.id)}/tokens/${enc(token.id)}`);
            toast('Token revoked');
        }, 'The token could not be revoked');
    }

    async function remove(account) {
        if (!await confirm(`Delete ${account.name}?`, 'All its tokens stop working at once. Its entries in the provisioning log stay.', 'Delete account')) return;
        await act(async () => {
            await del(`${base}/${enc(account.id)}`);
            toast(`Service account ${account.name} deleted`);
        }, `${account.name} could not be deleted`);
    }

    function tokenState(token) {
        if (token.revokedAt) return badge('revoked', 'bad');
        if (!token.active) return badge('expired', 'warn');
        return badge('active', 'ok');
    }

    function accountCard(account) {
        const active = account.tokens.filter(t => t.active).length;
        return h('div.card.account', {'data-account': account.name, 'data-id': account.id},
            h('div.account-head',
                h('div',
                    h('h2', account.name),
                    account.scopes.map(s => badge(s, 'info')),
                    h('span.muted', ' · ', account.rateLimit ? `${account.rateLimit.perSecond}/s, burst ${account.rateLimit.burst}` : 'default rate limit',
                        ' · created ', when(account.createdAt), ' · ', `${active} active token${active === 1 ? '' : 's'}`)),
                h('div.actions',
                    h('button', {type: 'button', class: 'rotate', onclick: () => rotate(account),
                        title: 'Issue a second token; revoke the old one once clients use the new one'}, 'New token'),
                    h('button.danger', {type: 'button', class: 'delete-account', onclick: () => remove(account)}, 'Delete'))),
            h('table',
                h('thead', h('tr', h('th', 'Token'), h('th', 'Status'), h('th', 'Created'), h('th', 'Expires'), h('th', 'Last used'), h('th', ''))),
                h('tbody', account.tokens.map(token => h('tr', {'data-token': token.id},
                    h('td.mono', {title: token.id}, token.id.slice(0, 8) + '…'),
                    h('td', tokenState(token), token.revokedAt ? h('div.sub', formatTime(token.revokedAt)) : null),
                    h('td', when(token.createdAt)),
                    h('td', token.expiresAt ? when(token.expiresAt) : h('span.muted', 'never')),
                    h('td', token.lastUsedAt ? when(token.lastUsedAt) : h('span.muted', 'not yet')),
                    h('td.num', token.active ? h('button.small.danger', {type: 'button', class: 'revoke', onclick: () => revoke(account, token)}, 'Revoke') : null))))));
    }

    clear(view,
        h('div.page-head',
            h('div', h('h1', 'Service accounts'),
                h('p.muted', 'The credentials identity providers use for SCIM in the realm ', h('strong', context.realm), '.'))),
        secret,
        h('form.card', {onsubmit: create, id: 'create-account-form'},
            h('h2', 'New service account'),
            h('div.form-row',
                h('label', 'Name', name),
                h('fieldset', h('legend', 'Scopes'),
                    h('label.check', read, 'Read (scim:read)'),
                    h('label.check', write, 'Write (scim:write)')),
                h('label', 'Token expires (optional)', expires)),
            h('div.form-row',
                h('label.narrow', 'Requests per second', perSecond),
                h('label.narrow', 'Burst', burst),
                h('div.spacer'),
                createButton),
            h('p.hint', 'Leave the expiry empty for a token that lasts until revoked, and the rate limit empty for the server default.')),
        message,
        list);
    await refresh();
}
