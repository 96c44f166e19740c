// The objects the renderer gets: typed from the contract, never raw ipcRenderer. Only the app's own
// page is ever given this preload (a connected host's page runs without it), and main refuses any
// call whose frame is not that page anyway. No actor and no token cross this line: main knows the
// window's session.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { ChangeNotice, PreloadBridge } from '../../shared/api/client';

const bridge = {
  call: (method, input) => ipcRenderer.invoke('flowtavle:call', method, input),
  auth: (action, body) => ipcRenderer.invoke('flowtavle:auth', action, body),
  onChange(listener) {
    const handler = (_event: IpcRendererEvent, notice: ChangeNotice) => listener(notice);
    ipcRenderer.on('flowtavle:changed', handler);
    return () => {
      ipcRenderer.removeListener('flowtavle:changed', handler);
    };
  },
} satisfies PreloadBridge;

/** The connection screen's calls (renderer/src/features/identity/Connect.tsx declares the type). */
const desktop = {
  connection: () => ipcRenderer.invoke('flowtavle:connection'),
  connect: (address: string) => ipcRenderer.invoke('flowtavle:connect', String(address)),
  useLocal: () => ipcRenderer.invoke('flowtavle:use-local'),
};

contextBridge.exposeInMainWorld('flowtavle', bridge);
contextBridge.exposeInMainWorld('flowtavleDesktop', desktop);
