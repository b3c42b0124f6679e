/*
 * Demo instrumentation for the "What this page has run" panel. A real site does not need any of
 * this: it only shows what Cookiegate and the gated analytics tag did.
 *
 * Loaded as a classic script at the end of <body>, so it runs before the deferred
 * /cookiegate.js and its listeners are in place for `cookiegate:ready`.
 */
;(function () {
  var $ = function (id) {
    return document.getElementById(id)
  }
  var el = {
    consent: $('p-consent'),
    categories: $('p-categories'),
    tag: $('p-tag'),
    tagNote: $('p-tag-note'),
    cookie: $('p-cookie'),
    storage: $('p-storage'),
    count: $('p-count'),
    events: $('p-events'),
    eventsEmpty: $('p-events-empty'),
    reset: $('p-reset')
  }

  var time = function (iso) {
    var d = new Date(iso)
    return isNaN(d) ? '' : d.toLocaleTimeString()
  }

  var METHODS = {
    'accept-all': 'Accepted all',
    'reject-all': 'Rejected all',
    custom: 'Custom choice',
    gpc: 'Refused by Global Privacy Control'
  }

  function renderConsent(state) {
    if (!state) return
    var optionalOn = Object.keys(state.categories).some(function (name) {
      return state.categories[name] && name !== 'essential'
    })
    if (!state.decided) {
      el.consent.textContent = 'Not decided: the banner is asking'
      el.consent.dataset.tone = 'wait'
    } else {
      el.consent.textContent = METHODS[state.method] || String(state.method)
      el.consent.dataset.tone = optionalOn ? 'on' : 'off'
    }
    el.categories.replaceChildren()
    Object.keys(state.categories).forEach(function (name) {
      var li = document.createElement('li')
      var key = document.createElement('span')
      key.textContent = name
      var value = document.createElement('strong')
      value.textContent = state.categories[name] ? 'allowed' : 'refused'
      value.className = state.categories[name] ? 'yes' : 'no'
      li.append(key, value)
      el.categories.append(li)
    })
    // Services (PostHog and the page counter, under analytics), each with its own switch.
    Object.keys(state.services || {}).forEach(function (name) {
      var li = document.createElement('li')
      var key = document.createElement('span')
      key.textContent = '· ' + name
      var value = document.createElement('strong')
      value.textContent = state.services[name] ? 'allowed' : 'refused'
      value.className = state.services[name] ? 'yes' : 'no'
      li.append(key, value)
      el.categories.append(li)
    })
    if (state.id) {
      var li = document.createElement('li')
      var key = document.createElement('span')
      key.textContent = 'consent id'
      var value = document.createElement('code')
      value.textContent = state.id.slice(0, 8) + '…'
      value.title = state.id
      li.append(key, value)
      el.categories.append(li)
    }
  }

  function renderTag() {
    var runs = (window.demoAnalytics && window.demoAnalytics.runs) || []
    if (!runs.length) return
    var last = runs[runs.length - 1]
    el.tag.textContent = 'Ran at ' + time(last.ranAt)
    el.tag.dataset.tone = 'on'
    el.tagNote.textContent =
      'Cookiegate swapped the text/plain tag for a real script: it set _ga and ph_demo and sent a pageview. ' +
      'Withdrawing deletes those; a script that has run cannot be unloaded, so it is gone only after the next page load.'
  }

  function renderCookies() {
    var cookies = document.cookie
      .split(';')
      .map(function (c) {
        return c.trim()
      })
      .filter(Boolean)
      .map(function (c) {
        var at = c.indexOf('=')
        var name = at < 0 ? c : c.slice(0, at)
        var value = at < 0 ? '' : c.slice(at + 1)
        try {
          value = decodeURIComponent(value)
        } catch (e) {}
        return name + ' = ' + value
      })
    el.cookie.textContent = cookies.length ? cookies.join('\n') : '(empty)'
    var stored = null
    try {
      stored = localStorage.getItem('ph_demo')
    } catch (e) {}
    el.storage.textContent = stored === null ? '(not set)' : stored
  }

  /** Lists the newest 8 events into `list`; `where` is the page node and `extra` the meta suffix of each. */
  function renderList(list, events, where, extra) {
    list.replaceChildren()
    events
      .slice(-8)
      .reverse()
      .forEach(function (e) {
        var li = document.createElement('li')
        var name = document.createElement('strong')
        name.textContent = e.event
        var meta = document.createElement('span')
        meta.className = 'muted'
        meta.textContent = time(e.received) + ' · ' + e.distinct_id + extra(e)
        li.append(name, ' ', where(e), ' ', meta)
        list.append(li)
      })
  }

  var lastEvents = ''
  function renderEvents(events) {
    var json = JSON.stringify(events)
    if (json === lastEvents) return
    lastEvents = json
    el.count.textContent = String(events.length)
    el.eventsEmpty.hidden = events.length > 0
    renderList(
      el.events,
      events,
      function (e) {
        var where = document.createElement('code')
        where.textContent = e.url
        return where
      },
      function (e) {
        return e.cookie ? ' · with _ga cookie' : ''
      }
    )
  }

  var lastPostHog = ''
  function renderPostHog(events) {
    var json = JSON.stringify(events)
    if (json === lastPostHog) return
    lastPostHog = json
    $('p-ph-count').textContent = String(events.length)
    $('p-ph-empty').hidden = events.length > 0
    renderList(
      $('p-ph-events'),
      events,
      function (e) {
        return e.url || ''
      },
      function () {
        return ''
      }
    )
  }

  function poll() {
    renderCookies()
    fetch('/ingest/events', { cache: 'no-store' })
      .then(function (r) {
        return r.ok ? r.json() : []
      })
      .then(renderPostHog, function () {})
    fetch('/demo-analytics/events', { cache: 'no-store' })
      .then(function (r) {
        return r.ok ? r.json() : []
      })
      .then(renderEvents, function () {})
  }

  document.addEventListener('cookiegate:ready', function () {
    if (window.Cookiegate) renderConsent(window.Cookiegate.consent.get())
    renderCookies()
  })
  document.addEventListener('cookiegate:change', function (event) {
    renderConsent(event.detail)
    // Withdrawing deletes the category's cookies in the same task: show that at once.
    renderCookies()
  })
  document.addEventListener('demo-analytics:ran', function () {
    renderTag()
    renderCookies()
    setTimeout(poll, 300)
  })
  el.reset.addEventListener('click', function () {
    if (window.Cookiegate) window.Cookiegate.reset()
  })

  // In case this script is ever loaded after Cookiegate initialised.
  if (window.Cookiegate) renderConsent(window.Cookiegate.consent.get())
  renderTag()
  poll()
  setInterval(poll, 1000)
})()
