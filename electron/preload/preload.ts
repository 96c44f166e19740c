// The one object the renderer gets: typed from the contract, never raw ipcRenderer.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { ChangeNotice, PreloadBridge } from '../../shared/api/client';

const bridge = {
  call: (method, input, actorId) => ipcRenderer.invoke('flowtavle:call', method, input, actorId),
  onChange(listener) {
    const handler = (_event: IpcRendererEvent, notice: ChangeNotice) => listener(notice);
    ipcRenderer.on('flowtavle:changed', handler);
    return () => {
      ipcRenderer.removeListener('flowtavle:changed', handler);
    };
  },
} satisfies PreloadBridge;

contextBridge.exposeInMainWorld('flowtavle', bridge);
