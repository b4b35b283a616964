/*
 * The ribbon's callbacks (ribbon.xml): OnAddinLoad, OnAction (the pane, the help page), GetImage.
 * ES5, no request beyond this folder. The pane is made once per session; its id is kept in
 * PluginStorage, which lasts for the session only (the options live in the workbook).
 */
(function () {
  'use strict';
  function root() {
    return window.wps || window.Application;
  }
  function folderUrl() {
    var href = document.location.href.split('?')[0].split('#')[0];
    return href.substring(0, href.lastIndexOf('/') + 1);
  }
  function pane() {
    var app = root();
    var id = app.PluginStorage.getItem('taizhang_pane');
    var p = id ? app.GetTaskPane(+id) : null;
    if (!p) {
      p = app.CreateTaskPane(folderUrl() + 'taskpane.html', '整改台账助手');
      app.PluginStorage.setItem('taizhang_pane', p.ID);
      p.DockPosition = 2; // msoCTPDockPositionRight
      p.Width = 380;
    }
    return p;
  }
  window.ribbon = {
    OnAddinLoad: function (ribbonUI) {
      var app = root();
      if (app && typeof app.ribbonUI !== 'object') app.ribbonUI = ribbonUI;
      return true;
    },
    OnAction: function (control) {
      var id = control && control.Id;
      if (id === 'taizhangPane') {
        var p = pane();
        p.Visible = !p.Visible;
      } else if (id === 'taizhangHelp') {
        root().ShowDialog(folderUrl() + 'help.html', '使用说明', 640, 720, false);
      } else if (id === 'taizhangProbe') {
        root().ShowDialog(folderUrl() + 'probe.html', 'WPS 探测', 720, 640, false);
      }
      return true;
    },
    GetImage: function (control) {
      return control && control.Id === 'taizhangHelp' ? 'assets/icon-32.png' : 'assets/icon-64.png';
    },
  };
})();
