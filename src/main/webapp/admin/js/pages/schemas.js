// Custom extension schemas of the chosen realm: attributes of your own on users or groups, defined as RFC 7643 §7
// Schema resources. The list, one schema's attributes as a table (with what a client sends), and a JSON editor.
import {del, enc, get, put} from '../api.js';
import {badge, clear, confirm, empty, errorBox, h, loading, toast, when} from '../ui.js';
import {notFound} from './resources.js';

const CORE = {User: 'urn:ietf:params:scim:schemas:core:2.0:User', Group: 'urn:ietf:params:scim:schemas:core:2.0:Group'};

/** What a new schema's editor starts with: a working example to change. */
export function example(resourceType) {
    return JSON.stringify({
        id: `urn:ietf:params:scim:schemas:extension:acme:2.0:${resourceType}`,
        name: `Acme${resourceType}`,
        description: `Acme's own ${resourceType.toLowerCase()} attributes`,
        attributes: [{
            name: 'platformRole',
            type: 'string',
            multiValued: false,
            description: 'What the ' + resourceType.toLowerCase() + ' may do on the Acme platform',
            required: false,
            caseExact: false,
            canonicalValues: ['ADMIN', 'MEMBER', 'OPERATOR'],
            mutability: 'readWrite',
            returned: 'default',
            uniqueness: 'none'
        }]
    }, null, 2);
}

const base = context => `realms/${enc(context.realm)}/schemas`;
const schemaHash = urn => `#/schemas/${enc(urn)}`;

export function schemasRoute(rest) {
    if (!rest.length) return schemasPage;
    if (rest[0] === 'new' || rest[1] === 'edit') return schemaEditor;
    return schemaPage;
}

function whatItIs() {
    return ['An extension schema adds attributes of your own to users or groups, beside the core and enterprise ',
        'attributes. SCIM clients send the values under the schema’s URN, e.g. ',
        h('code', '"urn:…:acme:2.0:User": {"platformRole": "ADMIN"}'), ', and list the URN in ', h('code', 'schemas'),
        '. Values under a URN the realm does not know are ignored. Each realm has its own schemas.'];
}

export async function schemasPage(view, context) {
    const list = h('div', {id: 'schemas'}, loading());
    clear(view,
        h('div.page-head',
            h('div', h('h1', 'Extension schemas'),
                h('p.muted', 'Attributes of your own on the users and groups of the realm ', h('strong', context.realm), '.')),
            h('button.primary', {type: 'button', id: 'new-schema', onclick: () => { location.hash = '#/schemas/new'; }}, 'New schema')),
        list);
    let schemas;
    try {
        schemas = (await get(base(context))).schemas;
    } catch (error) {
        if (error.status !== 401) clear(list, errorBox(error, 'The schemas could not be read'));
        return;
    }
    if (schemas.length === 0) {
        clear(list, h('div.card', empty(`No extension schemas in ${context.realm} yet`, h('span', whatItIs()),
            h('div.actions.center', h('a', {href: '#/schemas/new', id: 'start-schema'}, 'Start from an example →')))));
        return;
    }
    clear(list, h('div.card.tight', h('table', {id: 'schemas-table'},
        h('thead', h('tr', h('th', 'URN'), h('th', 'Extends'), h('th.num', 'Attributes'), h('th', 'Updated'))),
        h('tbody', schemas.map(entry => h('tr.clickable', {'data-urn': entry.urn, onclick: () => { location.hash = schemaHash(entry.urn); }},
            h('td', h('a.mono', {href: schemaHash(entry.urn)}, entry.urn),
                entry.schema?.name ? h('div.sub', entry.schema.name) : null,
                entry.problem ? h('div.sub', badge('cannot be used', 'bad'), ' ', entry.problem) : null),
            h('td', badge(entry.resourceType, 'info')),
            h('td.num', String((entry.schema?.attributes || []).length)),
            h('td', when(entry.updatedAt))))))));
}

/** Attributes and their sub-attributes as rows, sub-attributes named "parent.sub". */
function attributeRows(attributes, parent) {
    return (attributes || []).flatMap(attribute => {
        const name = parent ? `${parent}.${attribute.name}` : attribute.name;
        const yes = value => value ? badge('yes', 'info') : h('span.muted', 'no');
        return [h('tr', {'data-attribute': name},
            h('td', h('span.mono' + (parent ? '.sub-attribute' : ''), name), attribute.description ? h('div.sub', attribute.description) : null),
            h('td', attribute.type || 'string'),
            h('td', yes(attribute.multiValued)),
            h('td', yes(attribute.required)),
            h('td', (attribute.canonicalValues || []).length
                ? attribute.canonicalValues.map(value => badge(String(value)))
                : h('span.muted', 'any')),
            h('td', attribute.mutability || 'readWrite'),
            h('td', attribute.returned || 'default')),
            ...attributeRows(attribute.subAttributes, name)];
    });
}

/** A value of the attribute's type, for the example of what a client sends. */
function sampleValue(attribute) {
    const one = (() => {
        if ((attribute.canonicalValues || []).length) return attribute.canonicalValues[0];
        switch (attribute.type) {
            case 'boolean': return true;
            case 'integer': return 42;
            case 'decimal': return 4.2;
            case 'dateTime': return '2026-01-31T12:00:00Z';
            case 'complex': return Object.fromEntries((attribute.subAttributes || []).map(s => [s.name, sampleValue(s)]));
            default: return '…';
        }
    })();
    return attribute.multiValued ? [one] : one;
}

function sampleResource(entry) {
    const values = Object.fromEntries((entry.schema?.attributes || [])
        .filter(a => a.mutability !== 'readOnly')
        .map(a => [a.name, sampleValue(a)]));
    const core = entry.resourceType === 'Group' ? {displayName: 'Engineering'} : {userName: 'alice@example.com'};
    return {schemas: [CORE[entry.resourceType] || CORE.User, entry.urn], ...core, [entry.urn]: values};
}

export async function schemaPage(view, context) {
    const urn = context.rest[0];
    clear(view, loading());
    let entry;
    try {
        entry = await get(`${base(context)}/${enc(urn)}`);
    } catch (error) {
        if (error.status !== 401) notFound(view, 'Extension schemas', '#/schemas', error);
        return;
    }
    const message = h('div', {id: 'schema-message'});

    async function remove() {
        if (!await confirm(`Delete the schema ${entry.schema?.name || entry.urn}?`,
            `SCIM clients can no longer send values under ${entry.urn}. Stored values are kept but no longer returned or `
            + 'searched; they come back if the schema is defined again (a schema from ROSTER_SCHEMAS_DIRECTORY is, at the next start).',
            'Delete schema')) return;
        clear(message);
        try {
            await del(`${base(context)}/${enc(entry.urn)}`);
            toast(`Schema ${entry.urn} deleted`);
            location.hash = '#/schemas';
        } catch (error) {
            if (error.status !== 401) clear(message, errorBox(error, 'The schema could not be deleted'));
        }
    }

    const attributes = entry.schema?.attributes || [];
    clear(view,
        h('div.breadcrumb', h('a', {href: '#/schemas'}, '← Extension schemas')),
        h('div.page-head',
            h('div',
                h('div.resource-title', h('h1', entry.schema?.name || entry.urn), badge(entry.resourceType, 'info')),
                h('p.muted', h('span.mono', {id: 'schema-urn'}, entry.urn), ' · updated ', when(entry.updatedAt))),
            h('div.actions',
                h('button', {type: 'button', id: 'edit-schema', onclick: () => { location.hash = schemaHash(entry.urn) + '/edit'; }}, 'Edit'),
                h('button.danger', {type: 'button', id: 'delete-schema', onclick: remove}, 'Delete'))),
        message,
        // a stored schema Roster cannot use (edited in the database, or valid only for an older version) stops the
        // realm's SCIM API until it is replaced or deleted
        entry.problem ? h('div.alert', {role: 'alert', id: 'schema-problem'}, 'This schema cannot be used, so the realm’s ',
            'SCIM API answers 500 until it is fixed or deleted: ', entry.problem) : null,
        entry.schema?.description ? h('p', entry.schema.description) : null,
        h('div.card.tight',
            h('div.pad', h('h2', `Attributes (${attributes.length})`)),
            attributes.length
                ? h('table', {id: 'attributes-table'},
                    h('thead', h('tr', h('th', 'Name'), h('th', 'Type'), h('th', 'Multi-valued'), h('th', 'Required'),
                        h('th', 'Canonical values'), h('th', 'Mutability'), h('th', 'Returned'))),
                    h('tbody', attributeRows(attributes)))
                : empty('No attributes', 'Edit the schema to add some.')),
        h('div.card',
            h('h2', 'What a client sends'),
            h('p.hint', `A ${entry.resourceType === 'Group' ? 'group' : 'user'} with these attributes, e.g. in a POST to /${entry.resourceType}s:`),
            h('pre.json', {id: 'schema-sample'}, JSON.stringify(sampleResource(entry), null, 2))),
        h('details.card',
            h('summary', 'Schema JSON'),
            h('pre.json', {id: 'schema-json-view'}, entry.schema ? JSON.stringify(entry.schema, null, 2) : entry.storedText)));
}

export async function schemaEditor(view, context) {
    const editing = context.rest[0] === 'new' ? null : context.rest[0];
    clear(view, loading());
    let known = [];
    let entry = null;
    try {
        if (editing) {
            entry = await get(`${base(context)}/${enc(editing)}`);
        } else {
            known = (await get(base(context))).schemas.map(s => s.urn.toLowerCase());
        }
    } catch (error) {
        if (error.status !== 401) notFound(view, 'Extension schemas', '#/schemas', error);
        return;
    }
    const resourceType = h('select', {id: 'schema-resource-type'},
        ['User', 'Group'].map(type => h('option', {value: type, selected: type === (entry ? entry.resourceType : 'User')}, type)));
    const json = h('textarea.code', {id: 'schema-json', rows: 24, spellcheck: 'false', autocomplete: 'off',
        'aria-label': 'Schema JSON'});
    json.value = entry ? (entry.schema ? JSON.stringify(entry.schema, null, 2) : entry.storedText || '') : example('User');
    const message = h('div', {id: 'schema-message'});
    const save = h('button.primary', {type: 'submit', id: 'save-schema'}, editing ? 'Save changes' : 'Create schema');

    // the untouched example follows the resource type it is for
    let previousType = resourceType.value;
    resourceType.addEventListener('change', () => {
        if (!editing && json.value === example(previousType)) json.value = example(resourceType.value);
        previousType = resourceType.value;
    });

    function refuse(text) {
        clear(message, errorBox(new Error(text), 'Not sent'));
    }

    async function submit(event) {
        event.preventDefault();
        clear(message);
        let schema;
        try {
            schema = JSON.parse(json.value);
        } catch (error) {
            refuse('The schema is not valid JSON: ' + error.message);
            return;
        }
        if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) {
            refuse('The schema must be a JSON object, like the example: {"id": "urn:…", "attributes": […]}.');
            return;
        }
        const urn = typeof schema.id === 'string' ? schema.id.trim() : '';
        if (!urn) {
            refuse('Give the schema an "id": its URN, such as urn:ietf:params:scim:schemas:extension:acme:2.0:User.');
            return;
        }
        if (editing && urn.toLowerCase() !== editing.toLowerCase()) {
            refuse(`The "id" must stay ${editing}: a schema’s URN cannot change. To rename it, create a new schema and delete this one.`);
            return;
        }
        if (!editing && known.includes(urn.toLowerCase())
            && !await confirm(`Replace the schema ${urn}?`, 'A schema with this URN exists in this realm. Saving replaces its definition.', 'Replace schema')) {
            return;
        }
        save.disabled = true;
        try {
            const saved = await put(`${base(context)}/${enc(urn)}`, {resourceType: resourceType.value, schema});
            toast(editing ? `Schema ${saved.urn} saved` : `Schema ${saved.urn} created`);
            location.hash = schemaHash(saved.urn);
        } catch (error) {
            if (error.status !== 401) clear(message, errorBox(error, 'The schema was refused'));
        } finally {
            save.disabled = false;
        }
    }

    const back = editing ? schemaHash(editing) : '#/schemas';
    clear(view,
        h('div.breadcrumb', h('a', {href: back}, editing ? '← ' + (entry.schema?.name || editing) : '← Extension schemas')),
        h('div.page-head', h('div',
            h('h1', editing ? `Edit ${entry.schema?.name || editing}` : 'New extension schema'),
            h('p.muted', 'Realm ', h('strong', context.realm), '.'))),
        editing ? null : h('div.alert.info', whatItIs()),
        h('form.card', {id: 'schema-form', onsubmit: submit},
            h('div.form-row', h('label.narrow', 'Extends', resourceType)),
            h('label.block', 'Schema (an RFC 7643 §7 Schema resource)', json),
            h('p.hint', 'The "id" is the URN clients send the values under. Each attribute has a "name" and a "type" ',
                '(string, boolean, decimal, integer, dateTime, reference or complex with "subAttributes"); ',
                '"canonicalValues" lists the values it takes.'),
            message,
            h('div.actions',
                h('button.ghost', {type: 'button', id: 'cancel-schema', onclick: () => { location.hash = back; }}, 'Cancel'),
                save)));
}
