/*
 * Taizhang's own small implementation of the part of the Microsoft Ajax library (MicrosoftAjax.js)
 * that office.js and its Excel host scripts call or test for. Loaded by a <script> before office.js,
 * from the add-in's own origin.
 *
 * Why: the Excel 2016 (16.00) host script, excel-win32-16.00.js, checks for MS Ajax
 * (OfficeExt.MicrosoftAjaxFactory.isMsAjaxLoaded: Sys.StringBuilder, Type.registerNamespace,
 * Type.registerClass, Function._validateParams) and, when it is absent, fetches it from a Microsoft
 * CDN. On an intranet without internet that fetch fails and Office.onReady never fires. No registry
 * package ships MicrosoftAjax.js under a licence that allows redistributing it, so this file provides
 * what the copied files use, and nothing more (docs/deploy.md lists them):
 *   Type (= Function), Type.registerNamespace, Function.prototype.registerClass / getName /
 *   getBaseType / inheritsFrom / isInstanceOfType, Object.getType / getTypeName,
 *   Function._validateParams / _validateParameterCount / _validateParameter / _validateParameterType,
 *   Function.createDelegate / createCallback,
 *   Error.create / argument / argumentNull / argumentOutOfRange / argumentType / argumentUndefined /
 *   parameterCount / invalidOperation / notImplemented, Error.prototype.popStackFrame,
 *   String.format, Sys.StringBuilder, Sys.Serialization.JavaScriptSerializer.serialize / deserialize,
 *   Sys.Debug (trace, assert, fail, clearTrace), Sys.Browser (agent, name, version, InternetExplorer,
 *   Firefox, Safari, Opera).
 * The exception names (Sys.ArgumentException, Sys.ArgumentNullException, ...) are the `name` of the
 * errors the Error.* factories make, as in MS Ajax.
 *
 * ES5 only (IE11), no dependencies; tests/msajax/msajax.test.ts runs this very file.
 */
(function (global) {
  'use strict';

  var hasOwn = Object.prototype.hasOwnProperty;

  /**
   * Adds a method to a built-in prototype the way the engine's own are: not enumerable, so that no
   * for-in over a function or an error meets it (MS Ajax itself assigned them plainly).
   */
  function method(proto, name, fn) {
    Object.defineProperty(proto, name, { value: fn, writable: true, configurable: true, enumerable: false });
  }

  /* ---------------------------------------------------------------- types and namespaces */

  if (!global.Type) global.Type = Function;
  var Type = global.Type;

  function markType(type, name) {
    if (!type.__typeName) type.__typeName = name;
    if (type.__class === undefined) type.__class = true;
  }
  markType(Object, 'Object');
  markType(Function, 'Function');
  markType(Error, 'Error');
  markType(String, 'String');
  markType(Boolean, 'Boolean');
  markType(Number, 'Number');
  markType(Date, 'Date');
  markType(RegExp, 'RegExp');
  markType(Array, 'Array');

  /** 'OSF.DDA.Settings' -> window.OSF.DDA.Settings, creating what is missing; returns the innermost. */
  Type.registerNamespace = function (namespacePath) {
    if (typeof namespacePath !== 'string' || !namespacePath) throw Error.argument('namespacePath', 'A namespace name is required.');
    var parts = namespacePath.split('.');
    var current = global;
    for (var i = 0; i < parts.length; i++) {
      var part = parts[i];
      if (!part) throw Error.argument('namespacePath', 'Invalid namespace name: ' + namespacePath);
      var next = current[part];
      if (!next) {
        next = current[part] = {};
      }
      if (!next.__namespace && typeof next === 'object') {
        next.__namespace = true;
        next.__typeName = parts.slice(0, i + 1).join('.');
      }
      current = next;
    }
    return current;
  };

  Type.isNamespace = function (object) {
    return !!(object && object.__namespace);
  };

  /** Marks a constructor as a class: its name, its base type and interfaces (inheritance is by prototype). */
  method(Function.prototype, 'registerClass', function (typeName, baseType, interfaceTypes) {
    if (typeof typeName !== 'string' || !typeName) throw Error.argument('typeName', 'A class name is required.');
    if (baseType !== undefined && baseType !== null && typeof baseType !== 'function') throw Error.argumentType('baseType', typeof baseType, Function);
    this.__typeName = typeName;
    this.__class = true;
    this.__baseType = baseType || Object;
    this.__interfaces = [];
    for (var i = 2; i < arguments.length; i++) this.__interfaces.push(arguments[i]);
    if (baseType) {
      // Members of the base prototype that the class does not define itself (MS Ajax resolveInheritance).
      for (var name in baseType.prototype) {
        if (!hasOwn.call(this.prototype, name)) this.prototype[name] = baseType.prototype[name];
      }
    }
    return this;
  });

  method(Function.prototype, 'getName', function () {
    return this.__typeName === undefined ? '' : this.__typeName;
  });

  method(Function.prototype, 'getBaseType', function () {
    return this.__baseType === undefined ? null : this.__baseType;
  });

  /** True when this type is `parentType` or derives from it through registerClass. */
  method(Function.prototype, 'inheritsFrom', function (parentType) {
    var base = this.__baseType;
    while (base) {
      if (base === parentType) return true;
      base = base.__baseType;
    }
    return false;
  });

  method(Function.prototype, 'isInstanceOfType', function (instance) {
    if (instance === undefined || instance === null) return false;
    if (instance instanceof this) return true;
    var type = Object.getType(instance);
    return type === this || type.inheritsFrom(this) || (!!type.__typeName && type.__typeName === this.__typeName);
  });

  /** The constructor of a value, with primitives mapped to their wrapper types. */
  Object.getType = function (instance) {
    if (instance === null || instance === undefined) return Object;
    var ctor = instance.constructor;
    return typeof ctor === 'function' ? ctor : Object;
  };

  Object.getTypeName = function (instance) {
    var type = Object.getType(instance);
    return type.__typeName || (type === Object ? 'Object' : 'Function');
  };

  /* ---------------------------------------------------------------- errors */

  /** An Error with the given message and extra fields (name, paramName...). */
  Error.create = function (message, errorInfo) {
    var err = new Error(message);
    err.message = message;
    if (errorInfo) {
      for (var key in errorInfo) if (hasOwn.call(errorInfo, key)) err[key] = errorInfo[key];
    }
    return err;
  };

  function withParam(display, paramName) {
    return paramName ? display + '\n' + String.format('Parameter name: {0}', paramName) : display;
  }

  Error.argument = function (paramName, message) {
    var display = withParam('Sys.ArgumentException: ' + (message || 'Value does not fall within the expected range.'), paramName);
    return Error.create(display, { name: 'Sys.ArgumentException', paramName: paramName });
  };

  Error.argumentNull = function (paramName, message) {
    var display = withParam('Sys.ArgumentNullException: ' + (message || 'Value cannot be null.'), paramName);
    return Error.create(display, { name: 'Sys.ArgumentNullException', paramName: paramName });
  };

  Error.argumentOutOfRange = function (paramName, actualValue, message) {
    var display = withParam('Sys.ArgumentOutOfRangeException: ' + (message || 'Specified argument was out of the range of valid values.'), paramName);
    if (actualValue !== undefined && actualValue !== null) display += '\n' + String.format('Actual value was {0}.', actualValue);
    return Error.create(display, { name: 'Sys.ArgumentOutOfRangeException', paramName: paramName, actualValue: actualValue });
  };

  function typeName(type) {
    if (!type) return '';
    if (typeof type === 'string') return type;
    return type.getName ? type.getName() : String(type);
  }

  Error.argumentType = function (paramName, actualType, expectedType, message) {
    var display = 'Sys.ArgumentTypeException: ';
    if (message) display += message;
    else if (actualType && expectedType) {
      display += String.format("Object of type '{0}' cannot be converted to type '{1}'.", typeName(actualType), typeName(expectedType));
    } else display += 'Object cannot be converted to the required type.';
    return Error.create(withParam(display, paramName), {
      name: 'Sys.ArgumentTypeException',
      paramName: paramName,
      actualType: actualType,
      expectedType: expectedType,
    });
  };

  Error.argumentUndefined = function (paramName, message) {
    var display = withParam('Sys.ArgumentUndefinedException: ' + (message || 'Value cannot be undefined.'), paramName);
    return Error.create(display, { name: 'Sys.ArgumentUndefinedException', paramName: paramName });
  };

  Error.parameterCount = function (message) {
    return Error.create('Sys.ParameterCountException: ' + (message || 'Parameter count mismatch.'), { name: 'Sys.ParameterCountException' });
  };

  Error.invalidOperation = function (message) {
    return Error.create('Sys.InvalidOperationException: ' + (message || 'Operation is not valid due to the current state of the object.'), {
      name: 'Sys.InvalidOperationException',
    });
  };

  Error.notImplemented = function (message) {
    return Error.create('Sys.NotImplementedException: ' + (message || 'The method or operation is not implemented.'), {
      name: 'Sys.NotImplementedException',
    });
  };

  /**
   * MS Ajax trims its own frame off `stack` so the error points at the caller. Only Firefox's
   * fileName/lineNumber make that possible; elsewhere (IE11, Chromium) it changes nothing.
   */
  method(Error.prototype, 'popStackFrame', function () {
    if (typeof this.stack !== 'string' || typeof this.fileName !== 'string' || typeof this.lineNumber !== 'number') return;
    var frames = this.stack.split('\n');
    var here = this.fileName + ':' + this.lineNumber;
    while (frames.length && frames[0].indexOf(here) < 0) frames.shift();
    var next = frames[1];
    var parts = next ? /@(.*):(\d+)$/.exec(next) : null;
    if (!parts) return;
    this.fileName = parts[1];
    this.lineNumber = parseInt(parts[2], 10);
    frames.shift();
    this.stack = frames.join('\n');
  });

  /* ---------------------------------------------------------------- parameter validation */

  function isInteger(n) {
    return typeof n === 'number' && isFinite(n) && Math.floor(n) === n;
  }

  function isDomElement(e) {
    return !!e && typeof e === 'object' && typeof e.nodeType === 'number' && (e.nodeType === 1 || e.nodeType === 9);
  }

  /** Checks `arguments` against [{ name, type, mayBeNull, optional, parameterArray, integer, domElement, elementType, elementMayBeNull, ... }]. Returns an Error or null. */
  Function._validateParams = function (params, expectedParams, validateParameterCount) {
    var expectedLength = expectedParams.length;
    var checkCount = validateParameterCount || validateParameterCount === undefined;
    var e = Function._validateParameterCount(params, expectedParams, checkCount);
    if (e) return e;
    for (var i = 0; i < params.length; i++) {
      var expected = expectedParams[Math.min(i, expectedLength - 1)];
      if (!expected) break;
      var name = expected.name;
      if (expected.parameterArray) name += '[' + (i - expectedLength + 1) + ']';
      else if (!checkCount && i >= expectedLength) break;
      e = Function._validateParameter(params[i], expected, name);
      if (e) return e;
    }
    return null;
  };

  Function._validateParameterCount = function (params, expectedParams, validateParameterCount) {
    var expectedLength = expectedParams.length;
    var actual = params.length;
    var i;
    if (actual < expectedLength) {
      var min = expectedLength;
      for (i = 0; i < expectedLength; i++) if (expectedParams[i].optional || expectedParams[i].parameterArray) min--;
      if (actual < min) return Error.parameterCount();
    } else if (validateParameterCount && actual > expectedLength) {
      for (i = 0; i < expectedLength; i++) if (expectedParams[i].parameterArray) return null;
      return Error.parameterCount();
    }
    return null;
  };

  Function._validateParameter = function (param, expectedParam, paramName) {
    var expectedType = expectedParam.type;
    var e = Function._validateParameterType(param, expectedType, !!expectedParam.integer, !!expectedParam.domElement, !!expectedParam.mayBeNull, paramName);
    if (e) return e;
    var elementType = expectedParam.elementType;
    var elementMayBeNull = !!expectedParam.elementMayBeNull;
    if (expectedType === Array && param !== undefined && param !== null && (elementType || !elementMayBeNull)) {
      for (var i = 0; i < param.length; i++) {
        e = Function._validateParameterType(param[i], elementType, !!expectedParam.elementInteger, !!expectedParam.elementDomElement, elementMayBeNull, paramName + '[' + i + ']');
        if (e) return e;
      }
    }
    return null;
  };

  Function._validateParameterType = function (param, expectedType, expectedInteger, expectedDomElement, mayBeNull, paramName) {
    if (param === undefined) return mayBeNull ? null : Error.argumentUndefined(paramName);
    if (param === null) return mayBeNull ? null : Error.argumentNull(paramName);
    // Any value is an Object, as in MS Ajax (Object.isInstanceOfType).
    if (expectedType && expectedType !== Object) {
      var ok;
      if (expectedType === String) ok = typeof param === 'string' || param instanceof String;
      else if (expectedType === Number) ok = typeof param === 'number' || param instanceof Number;
      else if (expectedType === Boolean) ok = typeof param === 'boolean' || param instanceof Boolean;
      else if (expectedType === Function) ok = typeof param === 'function';
      else if (expectedType === Array) ok = Object.prototype.toString.call(param) === '[object Array]';
      else ok = expectedType.isInstanceOfType(param);
      if (!ok) return Error.argumentType(paramName, Object.getType(param), expectedType);
    }
    if (expectedInteger && !isInteger(param)) return Error.argumentOutOfRange(paramName, param, 'Value must be an integer.');
    if (expectedDomElement && !isDomElement(param)) return Error.argument(paramName, 'Value must be a DOM element.');
    return null;
  };

  /** A function that calls `method` with `this` = instance. */
  Function.createDelegate = function (instance, method) {
    var e = Function._validateParams(arguments, [{ name: 'instance', mayBeNull: true }, { name: 'method', type: Function }]);
    if (e) throw e;
    return function () {
      return method.apply(instance, arguments);
    };
  };

  /** A function that calls `method` with its own arguments and `context` appended. */
  Function.createCallback = function (method, context) {
    var e = Function._validateParams(arguments, [{ name: 'method', type: Function }, { name: 'context', mayBeNull: true }]);
    if (e) throw e;
    return function () {
      var args = [];
      for (var i = 0; i < arguments.length; i++) args.push(arguments[i]);
      args.push(context);
      return method.apply(this, args);
    };
  };

  /* ---------------------------------------------------------------- strings */

  /** String.format('{0} of {1}', a, b); '{{' and '}}' are literal braces. */
  String.format = function (format) {
    var args = arguments;
    return String(format).replace(/\{\{|\}\}|\{(\d+)\}/g, function (whole, index) {
      if (whole === '{{') return '{';
      if (whole === '}}') return '}';
      var value = args[+index + 1];
      return value === undefined || value === null ? '' : String(value);
    });
  };

  /* ---------------------------------------------------------------- Sys */

  var Sys = Type.registerNamespace('Sys');

  Sys.StringBuilder = function (initialText) {
    this._parts = initialText !== undefined && initialText !== null && initialText !== '' ? [String(initialText)] : [];
  };
  Sys.StringBuilder.prototype = {
    append: function (text) {
      if (text !== undefined && text !== null && text !== '') this._parts.push(String(text));
      return this;
    },
    appendLine: function (text) {
      if (text !== undefined && text !== null && text !== '') this._parts.push(String(text));
      this._parts.push('\r\n');
      return this;
    },
    clear: function () {
      this._parts = [];
    },
    isEmpty: function () {
      return this._parts.length === 0;
    },
    toString: function (separator) {
      return this._parts.join(separator === undefined || separator === null ? '' : String(separator));
    },
  };
  Sys.StringBuilder.prototype.constructor = Sys.StringBuilder;
  Sys.StringBuilder.registerClass('Sys.StringBuilder');

  /* JSON with MS Ajax's date form: a Date is the string "\/Date(ms)\/" on the wire. */
  var Serialization = Type.registerNamespace('Sys.Serialization');
  var DATE_ON_WIRE = /^\/Date\((-?\d+)\)\/$/;

  function encode(value) {
    if (value instanceof Date) return '"\\/Date(' + value.getTime() + ')\\/"';
    if (value === null || value === undefined || typeof value === 'function') return 'null';
    if (typeof value === 'number') return isFinite(value) ? String(value) : 'null';
    if (typeof value === 'boolean') return value ? 'true' : 'false';
    if (typeof value === 'string') return JSON.stringify(value);
    if (Object.prototype.toString.call(value) === '[object Array]') {
      var items = [];
      for (var i = 0; i < value.length; i++) items.push(encode(value[i]));
      return '[' + items.join(',') + ']';
    }
    var fields = [];
    for (var key in value) {
      if (!hasOwn.call(value, key) || key.charAt(0) === '$' || typeof value[key] === 'function' || value[key] === undefined) continue;
      fields.push(JSON.stringify(key) + ':' + encode(value[key]));
    }
    return '{' + fields.join(',') + '}';
  }

  Serialization.JavaScriptSerializer = function () {};
  Serialization.JavaScriptSerializer.registerClass('Sys.Serialization.JavaScriptSerializer');
  Serialization.JavaScriptSerializer.serialize = function (object) {
    return encode(object);
  };
  /** Parses JSON (never eval, whatever `secure` says), turning "\/Date(ms)\/" back into Dates. */
  Serialization.JavaScriptSerializer.deserialize = function (data, secure) {
    if (typeof data !== 'string' || data.length === 0) throw Error.argument('data', 'Cannot deserialize empty string.');
    try {
      return JSON.parse(data, function (key, value) {
        var m = typeof value === 'string' ? DATE_ON_WIRE.exec(value) : null;
        return m ? new Date(+m[1]) : value;
      });
    } catch (e) {
      throw Error.argument('data', 'Cannot deserialize. The data does not correspond to valid JSON.');
    }
  };

  Sys.Debug = {
    isDebug: false,
    /** Writes a line to the console, and to a <textarea id="TraceConsole"> when the page has one. */
    trace: function (text) {
      var line = String(text);
      if (global.console && typeof global.console.log === 'function') global.console.log(line);
      var doc = global.document;
      var box = doc && doc.getElementById ? doc.getElementById('TraceConsole') : null;
      if (box && box.tagName && box.tagName.toUpperCase() === 'TEXTAREA') box.value = (box.value || '') + line + '\n';
    },
    clearTrace: function () {
      var doc = global.document;
      var box = doc && doc.getElementById ? doc.getElementById('TraceConsole') : null;
      if (box && box.tagName && box.tagName.toUpperCase() === 'TEXTAREA') box.value = '';
    },
    assert: function (condition, message) {
      if (!condition) Sys.Debug.fail('Assertion Failed: ' + (message || ''));
    },
    fail: function (message) {
      Sys.Debug.trace(message);
      throw Error.create(String(message), { name: 'Sys.AssertionFailedException' });
    },
  };

  /** The browser, as MS Ajax names it. IE11 (Trident/7, no "MSIE" in its agent string) is InternetExplorer too. */
  Sys.Browser = {
    InternetExplorer: { name: 'Microsoft Internet Explorer' },
    Firefox: { name: 'Firefox' },
    Safari: { name: 'Safari' },
    Opera: { name: 'Opera' },
    agent: null,
    name: '',
    version: 0,
    documentMode: 0,
    hasDebuggerStatement: false,
  };
  (function detect() {
    var nav = global.navigator;
    var ua = nav && nav.userAgent ? String(nav.userAgent) : '';
    var b = Sys.Browser;
    var m;
    if ((m = / MSIE (\d+\.\d+)/.exec(ua)) || (m = /Trident\/\d+\.\d+;.*rv:(\d+\.\d+)/.exec(ua))) {
      b.agent = b.InternetExplorer;
      b.version = parseFloat(m[1]);
      b.hasDebuggerStatement = true;
      var mode = global.document ? global.document.documentMode : 0;
      b.documentMode = typeof mode === 'number' ? mode : 0;
    } else if ((m = / Firefox\/(\d+\.\d+)/.exec(ua))) {
      b.agent = b.Firefox;
      b.version = parseFloat(m[1]);
      b.hasDebuggerStatement = true;
    } else if ((m = / OPR\/(\d+\.\d+)/.exec(ua)) || (m = /^Opera\/(\d+\.\d+)/.exec(ua))) {
      b.agent = b.Opera;
      b.version = parseFloat(m[1]);
    } else if ((m = / AppleWebKit\/(\d+(\.\d+)?)/.exec(ua))) {
      b.agent = b.Safari;
      b.version = parseFloat(m[1]);
      b.hasDebuggerStatement = true;
    }
    if (b.agent) b.name = b.agent.name;
  })();
})(typeof window !== 'undefined' ? window : this);
