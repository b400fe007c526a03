// The Ui that SpreadsheetApp.getUi() returns. Everything shown is recorded for assertions; alerts and prompts
// answer from a queue the test fills (`_answers.push('YES')`, `_answers.push({ text: '2024' })`), otherwise with
// the first button of their set (OK for OK and OK_CANCEL, YES for YES_NO and YES_NO_CANCEL).
import { raw } from '../counter';
import type { FakeEnv } from '../env';
import type { ServiceOptions } from './context';
import { Button, ButtonSet, isMember, type ButtonName, type ButtonSetName } from './enums';
import { requireMode, SCOPES, signatureError } from './errors';
import { FakeHtmlOutput } from './html';

export interface MenuEntry {
  caption: string;
  /** Handler function name; '' for separators and submenus. */
  fn: string;
  separator?: true;
  /** Entries of a submenu. */
  items?: MenuEntry[];
}

export interface RecordedMenu { title: string; addon: boolean; items: MenuEntry[] }
export interface RecordedHtml { title: string; content: string; width: number | null; height: number | null; modal?: boolean }
export interface RecordedAlert { title: string | null; prompt: string; buttons: ButtonSetName; answer: ButtonName }
export interface RecordedPrompt extends RecordedAlert { text: string }
export type ScriptedAnswer = ButtonName | { button?: ButtonName; text?: string };

const SET_BUTTONS: Record<ButtonSetName, ButtonName[]> = {
  OK: ['OK'],
  OK_CANCEL: ['OK', 'CANCEL'],
  YES_NO: ['YES', 'NO'],
  YES_NO_CANCEL: ['YES', 'NO', 'CANCEL'],
};

export class FakeMenu {
  readonly __className = 'Menu';
  readonly _items: MenuEntry[] = [];
  constructor(private readonly _ui: FakeUi, readonly _title: string, readonly _addon: boolean) {}

  addItem(caption: string, functionName: string): FakeMenu {
    if (typeof caption !== 'string' || typeof functionName !== 'string') throw signatureError('Menu.addItem', [caption, functionName]);
    this._items.push({ caption, fn: functionName });
    return this;
  }
  addSeparator(): FakeMenu {
    this._items.push({ caption: '', fn: '', separator: true });
    return this;
  }
  addSubMenu(menu: unknown): FakeMenu {
    const m = menu && typeof menu === 'object' ? raw(menu as object) : null;
    if (!(m instanceof FakeMenu)) throw signatureError('Menu.addSubMenu', [menu]);
    this._items.push({ caption: m._title, fn: '', items: m._items.map((i) => ({ ...i })) });
    return this;
  }
  addToUi(): void { this._ui._addMenu(this); }
}

export class FakePromptResponse {
  readonly __className = 'PromptResponse';
  constructor(private readonly _text: string, private readonly _button: ButtonName) {}
  getResponseText(): string { return this._text; }
  getSelectedButton(): ButtonName { return this._button; }
}

export class FakeUi {
  readonly __className = 'Ui';
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;

  readonly _menus: RecordedMenu[] = [];
  readonly _sidebars: RecordedHtml[] = [];
  readonly _dialogs: RecordedHtml[] = [];
  readonly _alerts: RecordedAlert[] = [];
  readonly _prompts: RecordedPrompt[] = [];
  readonly _answers: ScriptedAnswer[] = [];

  constructor(private readonly _env: FakeEnv, private readonly _addonName: string) {}

  /** Menus are allowed in every mode; a menu added again under the same title replaces the old one. */
  _addMenu(menu: FakeMenu): void {
    const rec: RecordedMenu = { title: menu._title, addon: menu._addon, items: menu._items.map((i) => ({ ...i })) };
    const i = this._menus.findIndex((m) => m.title === rec.title && m.addon === rec.addon);
    if (i >= 0) this._menus[i] = rec;
    else this._menus.push(rec);
  }

  /** "Add-ons can't open sidebars or dialogs while executing in AuthMode.LIMITED" [M]; the wording is ours. */
  private _interactive(method: string): void {
    requireMode(this._env, `Ui.${method}`, ['FULL'], SCOPES.containerUi);
  }

  private _html(x: unknown, method: string): FakeHtmlOutput {
    const h = x && typeof x === 'object' ? raw(x as object) : null;
    if (!(h instanceof FakeHtmlOutput)) throw signatureError(`Ui.${method}`, [x]);
    return h;
  }

  private _answer(buttons: ButtonSetName): { button: ButtonName; text: string } {
    const allowed = SET_BUTTONS[buttons];
    const a = this._answers.shift();
    const button = a === undefined ? allowed[0] : typeof a === 'string' ? a : a.button ?? allowed[0];
    const text = a !== undefined && typeof a === 'object' ? a.text ?? '' : '';
    if (button !== 'CLOSE' && !allowed.includes(button)) {
      throw new Error(`scripted answer ${button} is not a button of ButtonSet.${buttons}`);
    }
    return { button, text };
  }

  /** alert(prompt), alert(prompt, buttons), alert(title, prompt, buttons). */
  private _dialogArgs(method: string, args: unknown[]): { title: string | null; prompt: string; buttons: ButtonSetName } {
    let title: unknown = null;
    let prompt: unknown;
    let buttons: unknown = 'OK';
    if (args.length >= 3) [title, prompt, buttons] = args;
    else if (args.length === 2) [prompt, buttons] = args;
    else [prompt] = args;
    if (typeof prompt !== 'string' || (title !== null && typeof title !== 'string') || !isMember(ButtonSet, buttons)) {
      throw signatureError(`Ui.${method}`, args);
    }
    return { title: title as string | null, prompt, buttons };
  }

  createAddonMenu(): FakeMenu { return new FakeMenu(this, this._addonName, true); }
  createMenu(caption: string): FakeMenu {
    if (typeof caption !== 'string') throw signatureError('Ui.createMenu', [caption]);
    return new FakeMenu(this, caption, false);
  }

  showSidebar(userInterface: unknown): void {
    this._interactive('showSidebar');
    const h = this._html(userInterface, 'showSidebar');
    this._sidebars.push({ title: h._title, content: h._content, width: h._width, height: h._height });
  }

  showModalDialog(userInterface: unknown, title: string): void {
    this._interactive('showModalDialog');
    const h = this._html(userInterface, 'showModalDialog');
    this._dialogs.push({ title: String(title), content: h._content, width: h._width, height: h._height, modal: true });
  }

  showModelessDialog(userInterface: unknown, title: string): void {
    this._interactive('showModelessDialog');
    const h = this._html(userInterface, 'showModelessDialog');
    this._dialogs.push({ title: String(title), content: h._content, width: h._width, height: h._height, modal: false });
  }

  alert(...args: unknown[]): ButtonName {
    this._interactive('alert');
    const d = this._dialogArgs('alert', args);
    const { button } = this._answer(d.buttons);
    this._alerts.push({ ...d, answer: button });
    return button;
  }

  prompt(...args: unknown[]): FakePromptResponse {
    this._interactive('prompt');
    const d = this._dialogArgs('prompt', args);
    const { button, text } = this._answer(d.buttons);
    this._prompts.push({ ...d, answer: button, text });
    return new FakePromptResponse(text, button);
  }
}

export function createUi(env: FakeEnv, opts: ServiceOptions = {}): FakeUi {
  return new FakeUi(env, opts.addonName ?? 'Наставник');
}

