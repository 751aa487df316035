/*
 * The sandbox's Custom UI bridge: defines globalThis.__bridge = { callBridge(name, payload) } as Jira's host page
 * does, before the app's bundle loads (@forge/bridge reads it at module load; FORGE_NOTES §9). A separate file, not
 * an inline script: the page's CSP allows 'self' scripts only. The app and where it runs (issue, gadget, entry
 * point) come from this page's address: /apps/<app>/?issueKey=…&gadgetId=…&entryPoint=edit.
 */
(function () {
  'use strict';
  var app = (/^\/apps\/([^/]+)\//.exec(location.pathname) || [])[1] || '';
  var query = new URLSearchParams(location.search);
  var place = { app: app };
  ['issueKey', 'gadgetId', 'entryPoint'].forEach(function (name) {
    var value = query.get(name);
    if (value) place[name] = value;
  });
  var listeners = {};

  function post(path, body) {
    return fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }).then(function (response) {
      return response.json().then(function (answer) {
        if (!response.ok) {
          var messages = (answer && answer.errorMessages) || ['The sandbox answered ' + response.status];
          throw new Error(messages.join(' '));
        }
        return answer;
      });
    });
  }

  function headersOf(init) {
    var headers = {};
    (init && init.headers ? init.headers : []).forEach(function (pair) {
      headers[String(pair[0]).toLowerCase()] = String(pair[1]);
    });
    return headers;
  }

  /** Tells the shell (the parent page) about flags, closes and refreshes; it shows or ignores them. */
  function toShell(type, detail) {
    if (window.parent && window.parent !== window)
      window.parent.postMessage(
        { source: 'sandbox-app', app: app, type: type, detail: detail },
        location.origin,
      );
  }

  /*
   * Theming as Forge's host does it for view.theme.enable() (FORGE_NOTES §8, §9: the context's `theme`): the host,
   * not the app, puts the person's colour mode on the app's <html> (`data-color-mode`, `data-theme`, the attributes
   * @atlaskit/tokens reads) and gives it the tokens' theme CSS, and follows later switches. Here the host is the
   * shell (same origin): its <html> attributes and the theme <style data-theme> elements setGlobalTheme added to
   * its <head> are mirrored into this page. An app opened on its own (no shell) follows the browser's preference
   * for its context but keeps the tokens' light fallbacks, having no theme CSS to mirror.
   */
  function hostDocument() {
    try {
      return window.parent !== window ? window.parent.document : null;
    } catch (error) {
      return null;
    }
  }

  function hostColorMode() {
    var host = hostDocument();
    var mode = host ? host.documentElement.getAttribute('data-color-mode') : null;
    if (mode === 'dark' || mode === 'light') return mode;
    return window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  }

  var copiedThemes = null;
  function applyHostTheme() {
    var host = hostDocument();
    var root = document.documentElement;
    root.setAttribute('data-color-mode', hostColorMode());
    if (!host) return;
    var theme = host.documentElement.getAttribute('data-theme');
    if (theme) root.setAttribute('data-theme', theme);
    var styles = host.querySelectorAll('head style[data-theme]');
    // The shell's <head> changes on every render (CSS-in-JS): copy the theme CSS again only when it changed.
    var signature = Array.prototype.map
      .call(styles, function (style) {
        return (style.getAttribute('data-theme') || '') + ':' + String(style.textContent.length);
      })
      .join(' ');
    if (signature === copiedThemes) return;
    copiedThemes = signature;
    Array.prototype.forEach.call(document.querySelectorAll('style[data-sandbox-theme]'), function (old) {
      old.remove();
    });
    Array.prototype.forEach.call(styles, function (style) {
      var copy = document.createElement('style');
      copy.setAttribute('data-sandbox-theme', style.getAttribute('data-theme') || '');
      copy.textContent = style.textContent;
      document.head.appendChild(copy);
    });
  }

  var watching = false;
  function watchHostTheme() {
    var host = hostDocument();
    if (watching || !host || typeof MutationObserver === 'undefined') return;
    watching = true;
    var observer = new MutationObserver(applyHostTheme);
    observer.observe(host.documentElement, {
      attributes: true,
      attributeFilter: ['data-color-mode', 'data-theme'],
    });
    observer.observe(host.head, { childList: true });
  }

  var operations = {
    invoke: function (payload) {
      return post(
        '/__sandbox/invoke',
        Object.assign({}, place, { functionKey: payload.functionKey, payload: payload.payload }),
      );
    },
    getContext: function () {
      var search = new URLSearchParams(place);
      return fetch('/__sandbox/context?' + search.toString()).then(function (response) {
        return response.json().then(function (context) {
          // The person's colour mode is the host's (the shell's theme switch), as Jira's context says.
          if (context && typeof context === 'object')
            context.theme = Object.assign({}, context.theme, { colorMode: hostColorMode() });
          return context;
        });
      });
    },
    submit: function (payload) {
      return post('/__sandbox/submit', Object.assign({}, place, { payload: payload })).then(
        function (accepted) {
          if (accepted) toShell('submit', null);
          return accepted;
        },
      );
    },
    fetchProduct: function (payload) {
      if (payload.product !== 'jira') return Promise.reject(new Error('The sandbox has Jira only.'));
      var init = payload.fetchRequestInit || {};
      return post('/__sandbox/request-jira', {
        restPath: payload.restPath,
        method: (init.method || 'GET').toUpperCase(),
        body: typeof init.body === 'string' ? init.body : null,
        headers: headersOf(init),
      });
    },
    on: function (payload) {
      (listeners[payload.event] = listeners[payload.event] || []).push(payload.callback);
      return Promise.resolve({ unsubscribe: function () {} });
    },
    emit: function (payload) {
      (listeners[payload.event] || []).forEach(function (callback) {
        callback(payload.payload);
      });
      return Promise.resolve();
    },
    refresh: function () {
      location.reload();
      return Promise.resolve();
    },
    close: function () {
      toShell('close', null);
      return Promise.resolve();
    },
    showFlag: function (payload) {
      toShell('flag', {
        title: String((payload && payload.title) || ''),
        type: String((payload && payload.type) || 'info'),
      });
      return Promise.resolve({ close: function () {} });
    },
    enableTheming: function () {
      applyHostTheme();
      watchHostTheme();
      return Promise.resolve();
    },
  };

  globalThis.__bridge = {
    callBridge: function (name, payload) {
      var operation = operations[name];
      if (!operation) return Promise.reject(new Error('The sandbox bridge has no "' + name + '" operation.'));
      return operation(payload);
    },
  };
})();
