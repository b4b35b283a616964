/*
 * The WPS probe (docs/wps.md): what this WPS's object model returns, recorded as JSON for the
 * Taizhang team: the version, the form of each member the host uses (property or method), Value2's
 * shapes, a date cell's serial and format, a merge, a fill's colour number, the language and which
 * optional members exist. It reads only: nothing is written to the workbook. Cell text is never
 * recorded, only types. The JSON goes to the desktop (FileSystem) and is shown for copying. ES5.
 */
(function () {
  'use strict';
  var app = window.Application || (window.wps && (typeof window.wps.EtApplication === 'function' ? window.wps.EtApplication() : window.wps.EtApplication));
  var root = window.wps || window.Application;

  function form(obj, name) {
    try {
      var v = obj[name];
      if (v === undefined) return 'absent';
      if (v === null) return 'null';
      return typeof v === 'function' ? 'method' : 'property';
    } catch (e) {
      return 'throws: ' + String(e && e.message);
    }
  }
  function val(obj, name) {
    var v = obj[name];
    return typeof v === 'function' ? v.call(obj) : v;
  }
  function shape(v) {
    if (Object.prototype.toString.call(v) === '[object Array]') {
      return { array: true, rows: v.length, firstRowIsArray: Object.prototype.toString.call(v[0]) === '[object Array]', cols: v[0] && v[0].length, firstType: v[0] && typeof v[0][0] };
    }
    return { array: false, type: v === null ? 'null' : typeof v };
  }
  function attempt(out, key, f) {
    try {
      out[key] = f();
    } catch (e) {
      out[key] = { error: String(e && e.message) };
    }
  }

  function probe() {
    var r = { probe: 1, when: new Date().getTime(), userAgent: navigator.userAgent };
    attempt(r, 'app', function () {
      return { Version: val(app, 'Version'), Build: form(app, 'Build') === 'absent' ? null : val(app, 'Build'), Name: val(app, 'Name'), OperatingSystem: form(app, 'OperatingSystem') === 'absent' ? null : val(app, 'OperatingSystem') };
    });
    var wb = val(app, 'ActiveWorkbook');
    var ws = val(wb, 'ActiveSheet');
    var used = val(ws, 'UsedRange');
    attempt(r, 'forms', function () {
      return {
        'wps.EtApplication': root ? form(root, 'EtApplication') : 'no wps',
        'Workbook.Worksheets': form(wb, 'Worksheets'), 'Worksheets.Count': form(val(wb, 'Worksheets'), 'Count'),
        'Worksheet.Name': form(ws, 'Name'), 'Worksheet.UsedRange': form(ws, 'UsedRange'), 'Worksheet.ChartObjects': form(ws, 'ChartObjects'),
        'Range.Address': form(used, 'Address'), 'Range.Value2': form(used, 'Value2'), 'Range.NumberFormat': form(used, 'NumberFormat'),
        'Range.MergeArea': form(used, 'MergeArea'), 'Workbook.CustomDocumentProperties': form(wb, 'CustomDocumentProperties'),
      };
    });
    attempt(r, 'optional', function () {
      var a1 = ws.Range('A1');
      var o = {};
      var names = ['MergeCells', 'ColumnWidth', 'FormatConditions', 'AutoFilter', 'WrapText', 'Borders', 'Interior', 'AddComment'];
      for (var i = 0; i < names.length; i++) o['Range.' + names[i]] = form(a1, names[i]);
      o['Worksheet.Hyperlinks'] = form(ws, 'Hyperlinks');
      o['Worksheet.PageSetup'] = form(ws, 'PageSetup');
      o['Application.ActiveWindow'] = form(app, 'ActiveWindow');
      o['Application.Workbooks'] = form(app, 'Workbooks');
      o['wps.FileSystem'] = root ? form(root, 'FileSystem') : 'no wps';
      o['wps.Env'] = root ? form(root, 'Env') : 'no wps';
      o['wps.CreateTaskPane'] = root ? form(root, 'CreateTaskPane') : 'no wps';
      o['ApiEvent'] = typeof window.ApiEvent;
      return o;
    });
    attempt(r, 'usedRange', function () {
      return { address: val(used, 'Address'), value2: shape(used.Value2), numberFormat: typeof used.NumberFormat, oneCell: shape(ws.Range('A1').Value2), twoCells: shape(ws.Range('A1:B1').Value2), oneColumn: shape(ws.Range('A1:A2').Value2) };
    });
    attempt(r, 'cells', function () {
      var found = { date: null, merge: null, fill: null, text: null };
      var rows = Math.min(+val(val(used, 'Rows'), 'Count') || 0, 200);
      var cols = Math.min(+val(val(used, 'Columns'), 'Count') || 0, 40);
      for (var i = 1; i <= rows; i++) {
        for (var j = 1; j <= cols; j++) {
          var c = used.Item(i, j);
          var v = c.Value2;
          var f = String(c.NumberFormat);
          if (!found.date && typeof v === 'number' && /[yd]/i.test(f)) found.date = { serial: v, numberFormat: f, textShown: typeof c.Text };
          if (!found.text && typeof v === 'string' && f === '@') found.text = { numberFormat: f };
          if (!found.merge && c.MergeCells === true) found.merge = { cell: val(c, 'Address'), area: val(c.MergeArea, 'Address'), topLeftValueType: typeof c.MergeArea.Item(1, 1).Value2, otherValueType: typeof c.Value2 };
          if (!found.fill && c.Interior.ColorIndex !== -4142) {
            var n = c.Interior.Color;
            found.fill = { color: n, asRGBhex: ('000000' + (+n).toString(16)).slice(-6), lowByte: n & 255, highByte: (n >> 16) & 255, note: 'VBA order: red is the low byte' };
          }
        }
      }
      return found;
    });
    attempt(r, 'language', function () {
      return val(app, 'LanguageSettings').LanguageID(2);
    });
    return r;
  }

  document.getElementById('run').onclick = function () {
    var where = document.getElementById('where');
    var text;
    try {
      text = JSON.stringify(probe(), null, 2);
    } catch (e) {
      text = JSON.stringify({ probe: 1, failed: String(e && e.message) }, null, 2);
    }
    document.getElementById('out').value = text;
    try {
      var dir = root.Env.GetDesktopPath();
      var path = dir.replace(/[\\/]+$/, '') + '/taizhang-wps-probe.json';
      root.FileSystem.WriteFile(path, text);
      where.textContent = '已保存 Saved: ' + path;
    } catch (e) {
      where.textContent = '无法保存，请复制下面的内容。Could not save: copy the text below.';
    }
  };
})();
