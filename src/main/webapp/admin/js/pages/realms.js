// Realms: each realm's SCIM root URL to copy into Okta or Entra, the set-up steps filled in with it, and
// creating and deleting realms.
import {del, enc, post} from '../api.js';
import {badge, clear, confirm, copyField, empty, errorBox, h, number, toast} from '../ui.js';

export async function realmsPage(view, context) {
    await context.reloadRealms();
    const message = h('div', {id: 'realm-message'});
    const nameInput = h('input', {id: 'new-realm-name', placeholder: 'acme', required: true,
        pattern: '[a-z0-9]([a-z0-9\\-]{0,61}[a-z0-9])?', autocomplete: 'off',
        title: 'Lower-case letters, digits and inner hyphens (it becomes part of the SCIM URL)'});
    const createButton = h('button.primary', {type: 'submit', id: 'create-realm'}, 'Create realm');

    async function create(event) {
        event.preventDefault();
        const name = nameInput.value.trim();
        if (!name) return;
        createButton.disabled = true;
        clear(message);
        try {
            const realm = await post('realms', {name});
            toast(`Realm ${realm.name} created`);
            await context.reloadRealms(realm.name);
            await realmsPage(view, context);
        } catch (error) {
            if (error.status !== 401) clear(message, errorBox(error, `The realm "${name}" could not be created`));
        } finally {
            createButton.disabled = false;
        }
    }

    async function remove(realm) {
        const sure = await confirm(`Delete the realm ${realm.name}?`,
            'Its users, groups, service accounts and log go with it, and its SCIM URL stops working. This cannot be undone.',
            'Delete realm');
        if (!sure) return;
        try {
            await del(`realms/${enc(realm.name)}`);
            toast(`Realm ${realm.name} deleted`);
            await context.reloadRealms(context.realm === realm.name ? 'default' : undefined);
            await realmsPage(view, context);
        } catch (error) {
            if (error.status !== 401) clear(message, errorBox(error, `The realm "${realm.name}" could not be deleted`));
        }
    }

    clear(view,
        h('div.page-head',
            h('div', h('h1', 'Realms'),
                h('p.muted', 'A realm is a separate directory with its own SCIM URL, users, groups and service accounts.'))),
        h('form.card', {onsubmit: create},
            h('h2', 'New realm'),
            h('div.form-row', h('label', 'Name', nameInput), createButton),
            h('p.hint', 'Its SCIM URL will be shown here for copying into your identity provider.')),
        message,
        context.realms.length === 0
            ? h('div.card', empty('No realms', 'Create one above.'))
            : context.realms.map(realm => realmCard(realm, context, remove)));
}

function realmCard(realm, context, remove) {
    const current = realm.name === context.realm;
    return h('div.card.realm', {'data-realm': realm.name},
        h('div.realm-head',
            h('div', h('h2', realm.name, ' ', current ? badge('selected', 'info') : null),
                h('span.muted', `${number(realm.serviceAccounts)} service account${realm.serviceAccounts === 1 ? '' : 's'}`)),
            h('div.actions',
                current ? null : h('button', {type: 'button', onclick: () => context.chooseRealm(realm.name)}, 'Work in this realm'),
                h('button', {type: 'button', onclick: () => context.chooseRealm(realm.name, 'accounts')}, 'Service accounts'),
                realm.name === 'default' ? null : h('button.danger', {type: 'button', onclick: () => remove(realm)}, 'Delete'))),
        h('label', 'SCIM base URL', copyField(realm.scimBaseUrl, {id: 'scim-url-' + realm.name})),
        h('details', {open: current},
            h('summary', 'Connect Okta'),
            h('ol.steps',
                h('li', 'In Okta, open your SCIM app and turn on provisioning (', h('em', 'General → Provisioning: SCIM'), ').'),
                h('li', h('em', 'Provisioning → Integration'), ': set ', h('strong', 'SCIM connector base URL'), ' to ',
                    h('code', realm.scimBaseUrl), ' and ', h('strong', 'Unique identifier field for users'), ' to ', h('code', 'userName'), '.'),
                h('li', 'Tick ', h('strong', 'Push New Users'), ', ', h('strong', 'Push Profile Updates'), ' and ', h('strong', 'Push Groups'), '.'),
                h('li', h('strong', 'Authentication Mode'), ': HTTP Header. ',
                    h('a', {href: '#/accounts', onclick: e => { e.preventDefault(); context.chooseRealm(realm.name, 'accounts'); }}, 'Create a service account'),
                    ' in this realm and paste ', h('code', 'Bearer <token>'), ' as the header value.'),
                h('li', h('strong', 'Test Connector Configuration'), ': Okta calls ', h('code', 'GET /Users?startIndex=1&count=2'),
                    ' and should report success.'),
                h('li', h('em', 'Provisioning → To App'), ': enable ', h('strong', 'Create Users'), ', ',
                    h('strong', 'Update User Attributes'), ' and ', h('strong', 'Deactivate Users'), '.'))),
        h('details',
            h('summary', 'Connect Microsoft Entra ID'),
            h('ol.steps',
                h('li', 'In the enterprise application, ', h('em', 'Provisioning → Admin credentials'), ': ', h('strong', 'Tenant URL'), ' ',
                    h('code', realm.scimBaseUrl), ', ', h('strong', 'Secret Token'), ' a service account token of this realm.'),
                h('li', h('strong', 'Test Connection'), ', then save and start provisioning.'))));
}
