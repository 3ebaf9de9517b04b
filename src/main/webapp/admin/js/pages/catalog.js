// What the roles and entitlements pages share: the form that creates or edits a catalog entry (id, display name,
// description and the page's own fields), and how a change is sent and its outcome shown.
import {clear, errorBox, h} from '../ui.js';

/** Ids appear in URLs: what CatalogEntry.ID accepts. */
const ID_PATTERN = '[A-Za-z0-9._:@\\-]{1,200}';

/**
 * @param options {prefix: 'role'|'entitlement', noun, idPlaceholder, namePlaceholder, keys: [input…] (the inputs
 *                 that name an entry and cannot change while editing, the id last), before: [node…] (fields ahead
 *                 of the id), after: [node…] (fields after the description), save(values, editing), onReset()}
 */
export function catalogForm(options) {
    const prefix = options.prefix;
    const id = h('input', {id: `${prefix}-id`, placeholder: options.idPlaceholder, required: true, autocomplete: 'off',
        spellcheck: 'false', pattern: ID_PATTERN, maxlength: 200,
        title: 'Letters, digits, “.”, “_”, “:”, “@” and “-” (up to 200): clients send it as the value'});
    const displayName = h('input', {id: `${prefix}-display-name`, placeholder: options.namePlaceholder, required: true,
        maxlength: 1024, autocomplete: 'off'});
    const description = h('textarea', {id: `${prefix}-description`, rows: 2, maxlength: 1000,
        placeholder: 'Optional: what it grants, for the people assigning it'});
    const title = h('h2', {id: `${prefix}-form-title`});
    const save = h('button.primary', {type: 'submit', id: `save-${prefix}`});
    const cancel = h('button.ghost', {type: 'button', id: `cancel-${prefix}`, onclick: () => reset()}, 'Cancel');
    const keys = [...(options.keys || []), id];
    let editing = null;

    const element = h('form.card', {id: `${prefix}-form`, onsubmit: async event => {
        event.preventDefault();
        save.disabled = true;
        try {
            await options.save({id: id.value.trim(), displayName: displayName.value.trim(),
                description: description.value.trim()}, editing);
        } finally {
            save.disabled = false;
        }
    }},
        title,
        h('div.form-row', options.before || [], h('label', 'ID', id), h('label', 'Display name', displayName)),
        h('label.block', 'Description', description),
        options.after || [],
        h('div.actions', cancel, save));

    function reset() {
        editing = null;
        element.reset();
        keys.forEach(input => { input.readOnly = false; });
        title.textContent = `New ${options.noun}`;
        save.textContent = `Create ${options.noun}`;
        cancel.hidden = true;
        element.classList.remove('editing');
        if (options.onReset) options.onReset();
    }

    /** Fills the form with an entry to change; what names it stays as it is. */
    function edit(entry, label) {
        editing = entry;
        id.value = entry.id;
        displayName.value = entry.displayName;
        description.value = entry.description || '';
        keys.forEach(input => { input.readOnly = true; });
        title.textContent = `Edit ${options.noun} ${label || entry.id}`;
        save.textContent = 'Save changes';
        cancel.hidden = false;
        element.classList.add('editing');
        element.scrollIntoView({block: 'nearest'});
        displayName.focus();
    }

    reset();
    return {element, reset, edit, get editing() { return editing; }};
}

/** The body of a PUT: the description only when there is one. */
export function entryBody(values, extra) {
    return {displayName: values.displayName, ...(values.description ? {description: values.description} : {}), ...extra};
}

/** Runs a change; a failure shows the API's message in the given box (401 leads to the sign-in by itself). */
export async function attempt(message, failure, work) {
    clear(message);
    try {
        await work();
        return true;
    } catch (error) {
        if (error.status !== 401) clear(message, errorBox(error, failure));
        return false;
    }
}
