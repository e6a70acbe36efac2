// The sandbox prelude. Evaluated in every fresh context before the script, as a function that
// receives the host object and returns the internals the worker needs. It
//   1. removes globals the sandbox does not offer and blocks dynamic code (eval, Function and the
//      constructors of every function kind),
//   2. installs the script API (http, html, log, console, emit) as frozen JavaScript objects whose
//      functions keep the host object in a closure: the script never holds a host object,
//   3. returns helpers the worker calls after the script: deliver, settle, describe, lookup.
// Built-ins are captured here, before the script runs, so a script that replaces them only changes
// its own behaviour, never what these functions do.
(function (host) {
    'use strict';

    const G = globalThis;
    const ObjectFreeze = Object.freeze;
    const ObjectDefineProperty = Object.defineProperty;
    const ObjectGetPrototypeOf = Object.getPrototypeOf;
    const ObjectKeys = Object.keys;
    const ArrayIsArray = Array.isArray;
    const ReflectApply = Reflect.apply;
    const JSONStringify = JSON.stringify;
    const JSONParse = JSON.parse;
    const StringOf = String;
    const ErrorCtor = Error;
    const TypeErrorCtor = TypeError;
    const PromiseCtor = Promise;
    const PromiseResolve = Promise.resolve;
    const PromiseThen = Promise.prototype.then;
    const WeakMapCtor = WeakMap;
    const WeakMapGet = WeakMap.prototype.get;
    const WeakMapSet = WeakMap.prototype.set;
    const WeakMapHas = WeakMap.prototype.has;
    const ArrayJoin = Array.prototype.join;

    // ---- errors raised by the sandbox itself --------------------------------------------------
    // Details live in a WeakMap only this closure can reach, so a script can throw look-alikes but
    // cannot make the worker believe the sandbox raised them.
    const raised = new WeakMapCtor();

    function sandboxError(name, kind, message, details) {
        const error = new ErrorCtor(message);
        ObjectDefineProperty(error, 'name', {value: name, writable: false, enumerable: false, configurable: true});
        const record = {kind: kind, name: name, message: message};
        if (details) {
            for (const key of ObjectKeys(details)) {
                record[key] = details[key];
            }
        }
        ReflectApply(WeakMapSet, raised, [error, record]);
        return error;
    }

    function securityError(message, attempted) {
        return sandboxError('SecurityError', 'security', message, {attempted: attempted});
    }

    function parseError(message) {
        return sandboxError('ParseError', 'parse', message, null);
    }

    // ---- 1. what the sandbox does not offer -----------------------------------------------------
    for (const name of ['eval', 'SharedArrayBuffer', 'Atomics', 'arguments', 'WebAssembly', 'Worker',
        'setTimeout', 'setInterval', 'setImmediate', 'queueMicrotask', 'ShadowRealm', 'Realm']) {
        delete G[name];
    }

    const noDynamicCode = function Function() {
        throw securityError('dynamic code (eval, Function, a function constructor) is not allowed in the sandbox',
            'Function');
    };
    noDynamicCode.prototype = Function.prototype;
    const functionPrototypes = [
        Function.prototype,
        ObjectGetPrototypeOf(async function () {}),
        ObjectGetPrototypeOf(function* () {}),
        ObjectGetPrototypeOf(async function* () {})];
    for (const prototype of functionPrototypes) {
        ObjectDefineProperty(prototype, 'constructor',
            {value: noDynamicCode, writable: false, enumerable: false, configurable: false});
    }
    ObjectDefineProperty(G, 'Function', {value: noDynamicCode, writable: false, enumerable: false, configurable: false});
    ObjectFreeze(noDynamicCode);

    // ---- 2. the script API ----------------------------------------------------------------------
    function requireString(value, what) {
        if (typeof value !== 'string') {
            throw new TypeErrorCtor(what + ' must be a string, got ' + (value === null ? 'null' : typeof value));
        }
        return value;
    }

    function headersJson(options) {
        if (options === undefined || options === null) {
            return '{}';
        }
        if (typeof options !== 'object') {
            throw new TypeErrorCtor('http.get(url, options): options must be an object');
        }
        const headers = options.headers;
        if (headers === undefined || headers === null) {
            return '{}';
        }
        if (typeof headers !== 'object' || ArrayIsArray(headers)) {
            throw new TypeErrorCtor('http.get(url, options): options.headers must be an object of strings');
        }
        const copy = {};
        for (const name of ObjectKeys(headers)) {
            copy[name] = requireString(headers[name], 'header ' + name);
        }
        return JSONStringify(copy);
    }

    function get(url, options) {
        const reply = JSONParse(host.fetch(requireString(url, 'http.get(url): url'), headersJson(options)));
        if (reply.ok) {
            return {status: reply.status, url: reply.url, headers: reply.headers, body: reply.body};
        }
        const details = {url: url, status: reply.status, outcome: reply.outcome, attempted: reply.outcome};
        if (reply.kind === 'security') {
            throw sandboxError('SecurityError', 'security', reply.message, details);
        }
        throw sandboxError('NetworkError', 'network', reply.message, details);
    }

    const elementToken = {};

    // A read-only view of a parsed HTML node. The host node sits in a private field: unreachable
    // from outside this class, and methods called on anything else throw a TypeError.
    class Element {
        #node;

        constructor(token, node) {
            if (token !== elementToken) {
                throw securityError('elements are created by html.parse only', 'Element');
            }
            this.#node = node;
        }

        select(css) {
            return elements(this.#node.select(requireString(css, 'select(css): css')));
        }

        selectFirst(css) {
            const found = elements(this.#node.select(requireString(css, 'selectFirst(css): css')));
            return found.length === 0 ? null : found[0];
        }

        text() {
            return this.#node.text();
        }

        ownText() {
            return this.#node.ownText();
        }

        html() {
            return this.#node.html();
        }

        outerHtml() {
            return this.#node.outerHtml();
        }

        attr(name) {
            const value = this.#node.attr(requireString(name, 'attr(name): name'));
            return value === undefined ? null : value;
        }

        hasAttr(name) {
            return this.#node.hasAttr(requireString(name, 'hasAttr(name): name'));
        }

        absUrl(name) {
            const value = this.#node.absUrl(requireString(name, 'absUrl(name): name'));
            return value === undefined ? null : value;
        }

        tagName() {
            return this.#node.tagName();
        }

        id() {
            return this.#node.id();
        }

        title() {
            return this.#node.title();
        }

        children() {
            return elements(this.#node.children());
        }

        parent() {
            const parent = this.#node.parent();
            return parent === null || parent === undefined ? null : new Element(elementToken, parent);
        }
    }
    ObjectFreeze(Element.prototype);
    ObjectFreeze(Element);

    function elements(list) {
        const problem = list.error();
        if (problem !== null && problem !== undefined) {
            throw new ErrorCtor(problem);
        }
        const size = list.size();
        const result = [];
        for (let i = 0; i < size; i++) {
            ObjectDefineProperty(result, i,
                {value: new Element(elementToken, list.get(i)), writable: true, enumerable: true, configurable: true});
        }
        return result;
    }

    function parse(body, baseUrl) {
        const base = baseUrl === undefined || baseUrl === null ? '' : requireString(baseUrl, 'html.parse(body, baseUrl): baseUrl');
        const document = host.parseHtml(requireString(body, 'html.parse(body): body'), base);
        if (document === null || document === undefined) {
            throw new ErrorCtor('html.parse: the document is larger than the sandbox accepts');
        }
        return new Element(elementToken, document);
    }

    function formatLogArgument(value) {
        if (typeof value === 'string') {
            return value;
        }
        if (value instanceof ErrorCtor) {
            return StringOf(value.stack || value);
        }
        try {
            const json = JSONStringify(value);
            return json === undefined ? StringOf(value) : json;
        } catch (e) {
            return StringOf(value);
        }
    }

    function logger(level) {
        return function (...values) {
            const parts = [];
            for (let i = 0; i < values.length; i++) {
                parts[i] = formatLogArgument(values[i]);
            }
            host.log(level, ReflectApply(ArrayJoin, parts, [' ']));
        };
    }

    function recordJson(record, what) {
        if (record === null || typeof record !== 'object' || ArrayIsArray(record)) {
            throw parseError(what + ' must be an object, got ' + describeType(record));
        }
        let json;
        try {
            json = JSONStringify(record);
        } catch (e) {
            throw parseError(what + ' cannot be converted to JSON: ' + (e && e.message));
        }
        return json;
    }

    function describeType(value) {
        if (value === null) {
            return 'null';
        }
        if (ArrayIsArray(value)) {
            return 'an array';
        }
        if (value === undefined) {
            return 'undefined';
        }
        return typeof value === 'object' ? 'an object' : 'a ' + typeof value;
    }

    function emit(record) {
        host.record(recordJson(record, 'emit(record): record'));
    }

    const log = ObjectFreeze({info: logger('info'), warn: logger('warn'), error: logger('error')});
    const api = {
        http: ObjectFreeze({get: get}),
        html: ObjectFreeze({parse: parse}),
        log: log,
        console: ObjectFreeze({log: log.info, info: log.info, debug: log.info, warn: log.warn, error: log.error}),
        emit: emit
    };
    for (const name of ObjectKeys(api)) {
        ObjectFreeze(api[name]);
        ObjectDefineProperty(G, name, {value: api[name], writable: false, enumerable: false, configurable: false});
    }

    // ---- 3. internals for the worker ------------------------------------------------------------
    function deliver(value) {
        let records;
        let metadata;
        if (ArrayIsArray(value)) {
            records = value;
        } else if (value !== null && typeof value === 'object' && !(value instanceof PromiseCtor)) {
            if (!ArrayIsArray(value.data)) {
                throw parseError('scrapeData returned an object without a data array; return an array of records '
                    + 'or {data: [...], metadata: {...}}');
            }
            records = value.data;
            metadata = value.metadata;
        } else if (value === undefined) {
            // An emit-only script, or one that found nothing; a forgotten return looks the same, hence the warning.
            if (host.emitted() === 0) {
                host.log('warn', 'scrapeData returned nothing and emitted no records');
            }
            records = [];
        } else {
            throw parseError('scrapeData returned ' + describeType(value) + '; return an array of records or '
                + '{data: [...], metadata: {...}}, or emit(record) each record');
        }
        const count = records.length;
        for (let i = 0; i < count; i++) {
            host.record(recordJson(records[i], 'record ' + i));
        }
        if (metadata === undefined || metadata === null) {
            return null;
        }
        if (typeof metadata !== 'object' || ArrayIsArray(metadata)) {
            throw parseError('metadata must be an object, got ' + describeType(metadata));
        }
        return recordJson(metadata, 'metadata');
    }

    function settle(value) {
        const box = {state: 'pending'};
        const promise = ReflectApply(PromiseResolve, PromiseCtor, [value]);
        ReflectApply(PromiseThen, promise, [
            function (result) { box.state = 'fulfilled'; box.value = result; },
            function (error) { box.state = 'rejected'; box.error = error; }]);
        return box;
    }

    function isThenable(value) {
        return value !== null && (typeof value === 'object' || typeof value === 'function')
            && typeof value.then === 'function';
    }

    function describe(error) {
        if (error !== null && (typeof error === 'object' || typeof error === 'function')
            && ReflectApply(WeakMapHas, raised, [error])) {
            return JSONStringify(ReflectApply(WeakMapGet, raised, [error]));
        }
        let name;
        let message;
        try {
            if (error instanceof ErrorCtor) {
                name = StringOf(error.name);
                message = StringOf(error.message);
            } else if (error !== null && typeof error === 'object') {
                name = 'thrown object';
                message = formatLogArgument(error);
            } else {
                name = 'thrown ' + (error === null ? 'null' : typeof error);
                message = StringOf(error);
            }
        } catch (e) {
            name = 'thrown value';
            message = '(could not be described)';
        }
        return JSONStringify({kind: null, name: name, message: message});
    }

    function rethrow(error) {
        throw error;
    }

    function lookup() {
        return {
            scrapeData: typeof scrapeData === 'function' ? scrapeData : undefined,
            defaultUrls: typeof DEFAULT_URLS === 'undefined' ? undefined : DEFAULT_URLS
        };
    }

    function defaultUrls(value) {
        if (value === undefined || value === null) {
            return '[]';
        }
        if (!ArrayIsArray(value)) {
            throw parseError('DEFAULT_URLS must be an array of URL strings');
        }
        const urls = [];
        for (let i = 0; i < value.length && i < 1000; i++) {
            urls[i] = requireString(value[i], 'DEFAULT_URLS[' + i + ']');
        }
        return JSONStringify(urls);
    }

    return ObjectFreeze({
        deliver: deliver,
        settle: settle,
        isThenable: isThenable,
        describe: describe,
        rethrow: rethrow,
        lookup: lookup,
        defaultUrls: defaultUrls
    });
})
