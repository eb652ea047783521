// Generated from the protocol codecs by `npm run generate` (scripts/generate.mjs). Do not edit.
// One check per object codec, keyed by its name (an unnamed codec: its path from a named one), used only for the
// signature it was generated for (above each, its hash in it); see canonical.ts.
import { hasOwn, isRecord } from './canonical';
import type { CanonicalCheck, GeneratedChecks } from './canonical';

/**
 * The generated canonical checks of the protocol's object codecs, by codec name.
 * @example
 * ```ts
 * generatedChecks.Chat?.hash === signatureHash('id!s,state?L,uri?s,…'); // true while the file is up to date
 * ```
 * @internal
 */
export const generatedChecks: GeneratedChecks = {
  /** id!s,state?L,uri?s,path?s,capabilities?s[],userData?r,participants?L[],participantsInfo?r[],receivedDate?s,comment?s,callUuid?s,connId?s,deviceUri?s,ani?s,dnis?s,callType?L,duration?L,mute?L,recordingState?L,supervisorListeningIn?L,monitoredUserMuted?L,monitoring?L,parentCallUri?s,parentCallPath?s,case?u[] */
  Call: {
    hash: 'b5bd5945',
    check: (leaves) => {
      const l0 = leaves[0] as CanonicalCheck;
      const l1 = leaves[1] as CanonicalCheck;
      const l2 = leaves[2] as CanonicalCheck;
      const l3 = leaves[3] as CanonicalCheck;
      const l4 = leaves[4] as CanonicalCheck;
      const l5 = leaves[5] as CanonicalCheck;
      const l6 = leaves[6] as CanonicalCheck;
      const l7 = leaves[7] as CanonicalCheck;
      const l8 = leaves[8] as CanonicalCheck;
      return (u) => {
        if (!isRecord(u)) return false;
        let v: unknown;
        v = u.id;
        if (v === undefined ? !hasOwn(u, 'id') || typeof v !== 'string' : typeof v !== 'string') return false;
        v = u.state;
        if (v !== undefined && !l0(v)) return false;
        v = u.uri;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.path;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.capabilities;
        if (v !== undefined) {
          if (!Array.isArray(v)) return false;
          for (let i = 0; i < v.length; i++) if (typeof v[i] !== 'string') return false;
        }
        v = u.userData;
        if (v !== undefined && !isRecord(v)) return false;
        v = u.participants;
        if (v !== undefined) {
          if (!Array.isArray(v)) return false;
          for (let i = 0; i < v.length; i++) if (!l1(v[i])) return false;
        }
        v = u.participantsInfo;
        if (v !== undefined) {
          if (!Array.isArray(v)) return false;
          for (let i = 0; i < v.length; i++) if (!isRecord(v[i])) return false;
        }
        v = u.receivedDate;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.comment;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.callUuid;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.connId;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.deviceUri;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.ani;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.dnis;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.callType;
        if (v !== undefined && !l2(v)) return false;
        v = u.duration;
        if (v !== undefined && !l3(v)) return false;
        v = u.mute;
        if (v !== undefined && !l4(v)) return false;
        v = u.recordingState;
        if (v !== undefined && !l5(v)) return false;
        v = u.supervisorListeningIn;
        if (v !== undefined && !l6(v)) return false;
        v = u.monitoredUserMuted;
        if (v !== undefined && !l7(v)) return false;
        v = u.monitoring;
        if (v !== undefined && !l8(v)) return false;
        v = u.parentCallUri;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.parentCallPath;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.case;
        if (v !== undefined) {
          if (!Array.isArray(v)) return false;
        }
        return true;
      };
    },
  },
  /** messageType!L,notificationType?L,referenceId?L,errorMessage?s,errorCode?L,phoneNumber?s,extensions?r,metrics?r,channel?s,call!L */
  CallStateChangeMessage: {
    hash: '5dcda89b',
    check: (leaves) => {
      const l0 = leaves[0] as CanonicalCheck;
      const l1 = leaves[1] as CanonicalCheck;
      const l2 = leaves[2] as CanonicalCheck;
      const l3 = leaves[3] as CanonicalCheck;
      const l4 = leaves[4] as CanonicalCheck;
      return (u) => {
        if (!isRecord(u)) return false;
        let v: unknown;
        v = u.messageType;
        if (v === undefined ? !hasOwn(u, 'messageType') || !l0(v) : !l0(v)) return false;
        v = u.notificationType;
        if (v !== undefined && !l1(v)) return false;
        v = u.referenceId;
        if (v !== undefined && !l2(v)) return false;
        v = u.errorMessage;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.errorCode;
        if (v !== undefined && !l3(v)) return false;
        v = u.phoneNumber;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.extensions;
        if (v !== undefined && !isRecord(v)) return false;
        v = u.metrics;
        if (v !== undefined && !isRecord(v)) return false;
        v = u.channel;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.call;
        if (v === undefined ? !hasOwn(u, 'call') || !l4(v) : !l4(v)) return false;
        return true;
      };
    },
  },
  /** id!s,state?L,uri?s,path?s,capabilities?s[],userData?r,participants?L[],participantsInfo?r[],receivedDate?s,comment?s */
  Chat: {
    hash: '7871f0dd',
    check: (leaves) => {
      const l0 = leaves[0] as CanonicalCheck;
      const l1 = leaves[1] as CanonicalCheck;
      return (u) => {
        if (!isRecord(u)) return false;
        let v: unknown;
        v = u.id;
        if (v === undefined ? !hasOwn(u, 'id') || typeof v !== 'string' : typeof v !== 'string') return false;
        v = u.state;
        if (v !== undefined && !l0(v)) return false;
        v = u.uri;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.path;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.capabilities;
        if (v !== undefined) {
          if (!Array.isArray(v)) return false;
          for (let i = 0; i < v.length; i++) if (typeof v[i] !== 'string') return false;
        }
        v = u.userData;
        if (v !== undefined && !isRecord(v)) return false;
        v = u.participants;
        if (v !== undefined) {
          if (!Array.isArray(v)) return false;
          for (let i = 0; i < v.length; i++) if (!l1(v[i])) return false;
        }
        v = u.participantsInfo;
        if (v !== undefined) {
          if (!Array.isArray(v)) return false;
          for (let i = 0; i < v.length; i++) if (!isRecord(v[i])) return false;
        }
        v = u.receivedDate;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.comment;
        if (v !== undefined && typeof v !== 'string') return false;
        return true;
      };
    },
  },
  /** messageType!L,notificationType?L,referenceId?L,errorMessage?s,errorCode?L,phoneNumber?s,extensions?r,metrics?r,channel?s,chat!L */
  ChatStateChangeMessage: {
    hash: 'afb50961',
    check: (leaves) => {
      const l0 = leaves[0] as CanonicalCheck;
      const l1 = leaves[1] as CanonicalCheck;
      const l2 = leaves[2] as CanonicalCheck;
      const l3 = leaves[3] as CanonicalCheck;
      const l4 = leaves[4] as CanonicalCheck;
      return (u) => {
        if (!isRecord(u)) return false;
        let v: unknown;
        v = u.messageType;
        if (v === undefined ? !hasOwn(u, 'messageType') || !l0(v) : !l0(v)) return false;
        v = u.notificationType;
        if (v !== undefined && !l1(v)) return false;
        v = u.referenceId;
        if (v !== undefined && !l2(v)) return false;
        v = u.errorMessage;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.errorCode;
        if (v !== undefined && !l3(v)) return false;
        v = u.phoneNumber;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.extensions;
        if (v !== undefined && !isRecord(v)) return false;
        v = u.metrics;
        if (v !== undefined && !isRecord(v)) return false;
        v = u.channel;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.chat;
        if (v === undefined ? !hasOwn(u, 'chat') || !l4(v) : !l4(v)) return false;
        return true;
      };
    },
  },
  /** id!s,deviceState?L,userState?L,phoneNumber?s,e164Number?s,telephonyNetwork?L,doNotDisturb?L,forwardTo?s,voiceEnvironmentUri?s,capabilities?s[],supervisorMonitoringState?r */
  Device: {
    hash: '02a3cabb',
    check: (leaves) => {
      const l0 = leaves[0] as CanonicalCheck;
      const l1 = leaves[1] as CanonicalCheck;
      const l2 = leaves[2] as CanonicalCheck;
      const l3 = leaves[3] as CanonicalCheck;
      return (u) => {
        if (!isRecord(u)) return false;
        let v: unknown;
        v = u.id;
        if (v === undefined ? !hasOwn(u, 'id') || typeof v !== 'string' : typeof v !== 'string') return false;
        v = u.deviceState;
        if (v !== undefined && !l0(v)) return false;
        v = u.userState;
        if (v !== undefined && !l1(v)) return false;
        v = u.phoneNumber;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.e164Number;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.telephonyNetwork;
        if (v !== undefined && !l2(v)) return false;
        v = u.doNotDisturb;
        if (v !== undefined && !l3(v)) return false;
        v = u.forwardTo;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.voiceEnvironmentUri;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.capabilities;
        if (v !== undefined) {
          if (!Array.isArray(v)) return false;
          for (let i = 0; i < v.length; i++) if (typeof v[i] !== 'string') return false;
        }
        v = u.supervisorMonitoringState;
        if (v !== undefined && !isRecord(v)) return false;
        return true;
      };
    },
  },
  /** messageType!L,notificationType?L,referenceId?L,errorMessage?s,errorCode?L,phoneNumber?s,extensions?r,metrics?r,channel?s,devices!L[] */
  DeviceStateChangeMessage: {
    hash: '221fb074',
    check: (leaves) => {
      const l0 = leaves[0] as CanonicalCheck;
      const l1 = leaves[1] as CanonicalCheck;
      const l2 = leaves[2] as CanonicalCheck;
      const l3 = leaves[3] as CanonicalCheck;
      const l4 = leaves[4] as CanonicalCheck;
      return (u) => {
        if (!isRecord(u)) return false;
        let v: unknown;
        v = u.messageType;
        if (v === undefined ? !hasOwn(u, 'messageType') || !l0(v) : !l0(v)) return false;
        v = u.notificationType;
        if (v !== undefined && !l1(v)) return false;
        v = u.referenceId;
        if (v !== undefined && !l2(v)) return false;
        v = u.errorMessage;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.errorCode;
        if (v !== undefined && !l3(v)) return false;
        v = u.phoneNumber;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.extensions;
        if (v !== undefined && !isRecord(v)) return false;
        v = u.metrics;
        if (v !== undefined && !isRecord(v)) return false;
        v = u.channel;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.devices;
        if (!Array.isArray(v)) return false;
        for (let i = 0; i < v.length; i++) if (!l4(v[i])) return false;
        return true;
      };
    },
  },
  /** id!s,state?L,uri?s,path?s,capabilities?s[],userData?r,participants?L[],participantsInfo?r[],receivedDate?s,comment?s,contactId?s,from?s,to?s[],cc?s[],bcc?s[],subject?s,body?s,bodyAsPlainText?s,mime?s,attachments?L[],emailType?L */
  Email: {
    hash: '16682974',
    check: (leaves) => {
      const l0 = leaves[0] as CanonicalCheck;
      const l1 = leaves[1] as CanonicalCheck;
      const l2 = leaves[2] as CanonicalCheck;
      const l3 = leaves[3] as CanonicalCheck;
      return (u) => {
        if (!isRecord(u)) return false;
        let v: unknown;
        v = u.id;
        if (v === undefined ? !hasOwn(u, 'id') || typeof v !== 'string' : typeof v !== 'string') return false;
        v = u.state;
        if (v !== undefined && !l0(v)) return false;
        v = u.uri;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.path;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.capabilities;
        if (v !== undefined) {
          if (!Array.isArray(v)) return false;
          for (let i = 0; i < v.length; i++) if (typeof v[i] !== 'string') return false;
        }
        v = u.userData;
        if (v !== undefined && !isRecord(v)) return false;
        v = u.participants;
        if (v !== undefined) {
          if (!Array.isArray(v)) return false;
          for (let i = 0; i < v.length; i++) if (!l1(v[i])) return false;
        }
        v = u.participantsInfo;
        if (v !== undefined) {
          if (!Array.isArray(v)) return false;
          for (let i = 0; i < v.length; i++) if (!isRecord(v[i])) return false;
        }
        v = u.receivedDate;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.comment;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.contactId;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.from;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.to;
        if (v !== undefined) {
          if (!Array.isArray(v)) return false;
          for (let i = 0; i < v.length; i++) if (typeof v[i] !== 'string') return false;
        }
        v = u.cc;
        if (v !== undefined) {
          if (!Array.isArray(v)) return false;
          for (let i = 0; i < v.length; i++) if (typeof v[i] !== 'string') return false;
        }
        v = u.bcc;
        if (v !== undefined) {
          if (!Array.isArray(v)) return false;
          for (let i = 0; i < v.length; i++) if (typeof v[i] !== 'string') return false;
        }
        v = u.subject;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.body;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.bodyAsPlainText;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.mime;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.attachments;
        if (v !== undefined) {
          if (!Array.isArray(v)) return false;
          for (let i = 0; i < v.length; i++) if (!l2(v[i])) return false;
        }
        v = u.emailType;
        if (v !== undefined && !l3(v)) return false;
        return true;
      };
    },
  },
  /** id?s,name?s,size?L,uri?s,mime?s */
  'Email.attachments[]': {
    hash: 'e2518dc7',
    check: (leaves) => {
      const l0 = leaves[0] as CanonicalCheck;
      return (u) => {
        if (!isRecord(u)) return false;
        let v: unknown;
        v = u.id;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.name;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.size;
        if (v !== undefined && !l0(v)) return false;
        v = u.uri;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.mime;
        if (v !== undefined && typeof v !== 'string') return false;
        return true;
      };
    },
  },
  /** messageType!L,notificationType?L,referenceId?L,errorMessage?s,errorCode?L,phoneNumber?s,extensions?r,metrics?r,channel?s,email!L */
  EmailStateChangeMessage: {
    hash: 'ed8a0413',
    check: (leaves) => {
      const l0 = leaves[0] as CanonicalCheck;
      const l1 = leaves[1] as CanonicalCheck;
      const l2 = leaves[2] as CanonicalCheck;
      const l3 = leaves[3] as CanonicalCheck;
      const l4 = leaves[4] as CanonicalCheck;
      return (u) => {
        if (!isRecord(u)) return false;
        let v: unknown;
        v = u.messageType;
        if (v === undefined ? !hasOwn(u, 'messageType') || !l0(v) : !l0(v)) return false;
        v = u.notificationType;
        if (v !== undefined && !l1(v)) return false;
        v = u.referenceId;
        if (v !== undefined && !l2(v)) return false;
        v = u.errorMessage;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.errorCode;
        if (v !== undefined && !l3(v)) return false;
        v = u.phoneNumber;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.extensions;
        if (v !== undefined && !isRecord(v)) return false;
        v = u.metrics;
        if (v !== undefined && !isRecord(v)) return false;
        v = u.channel;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.email;
        if (v === undefined ? !hasOwn(u, 'email') || !l4(v) : !l4(v)) return false;
        return true;
      };
    },
  },
  /** messageType!L,notificationType?L,referenceId?L,errorMessage?s,errorCode?L,phoneNumber?s,extensions?r,metrics?r,channel?s */
  ErrorMessage: {
    hash: '6a602e8a',
    check: (leaves) => {
      const l0 = leaves[0] as CanonicalCheck;
      const l1 = leaves[1] as CanonicalCheck;
      const l2 = leaves[2] as CanonicalCheck;
      const l3 = leaves[3] as CanonicalCheck;
      return (u) => {
        if (!isRecord(u)) return false;
        let v: unknown;
        v = u.messageType;
        if (v === undefined ? !hasOwn(u, 'messageType') || !l0(v) : !l0(v)) return false;
        v = u.notificationType;
        if (v !== undefined && !l1(v)) return false;
        v = u.referenceId;
        if (v !== undefined && !l2(v)) return false;
        v = u.errorMessage;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.errorCode;
        if (v !== undefined && !l3(v)) return false;
        v = u.phoneNumber;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.extensions;
        if (v !== undefined && !isRecord(v)) return false;
        v = u.metrics;
        if (v !== undefined && !isRecord(v)) return false;
        v = u.channel;
        if (v !== undefined && typeof v !== 'string') return false;
        return true;
      };
    },
  },
  /** id!s,state?L,uri?s,path?s,capabilities?s[],userData?r,participants?L[],participantsInfo?r[],receivedDate?s,comment?s,facebookType?L */
  Facebook: {
    hash: '2443a7dc',
    check: (leaves) => {
      const l0 = leaves[0] as CanonicalCheck;
      const l1 = leaves[1] as CanonicalCheck;
      const l2 = leaves[2] as CanonicalCheck;
      return (u) => {
        if (!isRecord(u)) return false;
        let v: unknown;
        v = u.id;
        if (v === undefined ? !hasOwn(u, 'id') || typeof v !== 'string' : typeof v !== 'string') return false;
        v = u.state;
        if (v !== undefined && !l0(v)) return false;
        v = u.uri;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.path;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.capabilities;
        if (v !== undefined) {
          if (!Array.isArray(v)) return false;
          for (let i = 0; i < v.length; i++) if (typeof v[i] !== 'string') return false;
        }
        v = u.userData;
        if (v !== undefined && !isRecord(v)) return false;
        v = u.participants;
        if (v !== undefined) {
          if (!Array.isArray(v)) return false;
          for (let i = 0; i < v.length; i++) if (!l1(v[i])) return false;
        }
        v = u.participantsInfo;
        if (v !== undefined) {
          if (!Array.isArray(v)) return false;
          for (let i = 0; i < v.length; i++) if (!isRecord(v[i])) return false;
        }
        v = u.receivedDate;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.comment;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.facebookType;
        if (v !== undefined && !l2(v)) return false;
        return true;
      };
    },
  },
  /** messageType!L,notificationType?L,referenceId?L,errorMessage?s,errorCode?L,phoneNumber?s,extensions?r,metrics?r,channel?s,facebook!L */
  FacebookStateChangeMessage: {
    hash: '6d84913b',
    check: (leaves) => {
      const l0 = leaves[0] as CanonicalCheck;
      const l1 = leaves[1] as CanonicalCheck;
      const l2 = leaves[2] as CanonicalCheck;
      const l3 = leaves[3] as CanonicalCheck;
      const l4 = leaves[4] as CanonicalCheck;
      return (u) => {
        if (!isRecord(u)) return false;
        let v: unknown;
        v = u.messageType;
        if (v === undefined ? !hasOwn(u, 'messageType') || !l0(v) : !l0(v)) return false;
        v = u.notificationType;
        if (v !== undefined && !l1(v)) return false;
        v = u.referenceId;
        if (v !== undefined && !l2(v)) return false;
        v = u.errorMessage;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.errorCode;
        if (v !== undefined && !l3(v)) return false;
        v = u.phoneNumber;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.extensions;
        if (v !== undefined && !isRecord(v)) return false;
        v = u.metrics;
        if (v !== undefined && !isRecord(v)) return false;
        v = u.channel;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.facebook;
        if (v === undefined ? !hasOwn(u, 'facebook') || !l4(v) : !l4(v)) return false;
        return true;
      };
    },
  },
  /** id!s,state?L,uri?s,path?s,capabilities?s[],userData?r,participants?L[],participantsInfo?r[],receivedDate?s,comment?s */
  Facebooksession: {
    hash: '7871f0dd',
    check: (leaves) => {
      const l0 = leaves[0] as CanonicalCheck;
      const l1 = leaves[1] as CanonicalCheck;
      return (u) => {
        if (!isRecord(u)) return false;
        let v: unknown;
        v = u.id;
        if (v === undefined ? !hasOwn(u, 'id') || typeof v !== 'string' : typeof v !== 'string') return false;
        v = u.state;
        if (v !== undefined && !l0(v)) return false;
        v = u.uri;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.path;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.capabilities;
        if (v !== undefined) {
          if (!Array.isArray(v)) return false;
          for (let i = 0; i < v.length; i++) if (typeof v[i] !== 'string') return false;
        }
        v = u.userData;
        if (v !== undefined && !isRecord(v)) return false;
        v = u.participants;
        if (v !== undefined) {
          if (!Array.isArray(v)) return false;
          for (let i = 0; i < v.length; i++) if (!l1(v[i])) return false;
        }
        v = u.participantsInfo;
        if (v !== undefined) {
          if (!Array.isArray(v)) return false;
          for (let i = 0; i < v.length; i++) if (!isRecord(v[i])) return false;
        }
        v = u.receivedDate;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.comment;
        if (v !== undefined && typeof v !== 'string') return false;
        return true;
      };
    },
  },
  /** messageType!L,notificationType?L,referenceId?L,errorMessage?s,errorCode?L,phoneNumber?s,extensions?r,metrics?r,channel?s,facebooksession!L */
  FacebooksessionStateChangeMessage: {
    hash: '13b6ebe7',
    check: (leaves) => {
      const l0 = leaves[0] as CanonicalCheck;
      const l1 = leaves[1] as CanonicalCheck;
      const l2 = leaves[2] as CanonicalCheck;
      const l3 = leaves[3] as CanonicalCheck;
      const l4 = leaves[4] as CanonicalCheck;
      return (u) => {
        if (!isRecord(u)) return false;
        let v: unknown;
        v = u.messageType;
        if (v === undefined ? !hasOwn(u, 'messageType') || !l0(v) : !l0(v)) return false;
        v = u.notificationType;
        if (v !== undefined && !l1(v)) return false;
        v = u.referenceId;
        if (v !== undefined && !l2(v)) return false;
        v = u.errorMessage;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.errorCode;
        if (v !== undefined && !l3(v)) return false;
        v = u.phoneNumber;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.extensions;
        if (v !== undefined && !isRecord(v)) return false;
        v = u.metrics;
        if (v !== undefined && !isRecord(v)) return false;
        v = u.channel;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.facebooksession;
        if (v === undefined ? !hasOwn(u, 'facebooksession') || !l4(v) : !l4(v)) return false;
        return true;
      };
    },
  },
  /** messageType!L,notificationType?L,referenceId?L,errorMessage?s,errorCode?L,phoneNumber?s,extensions?r,metrics?r,channel?s,imSessionPath!s,message!s */
  IMLogUpdateMessage: {
    hash: '788d520c',
    check: (leaves) => {
      const l0 = leaves[0] as CanonicalCheck;
      const l1 = leaves[1] as CanonicalCheck;
      const l2 = leaves[2] as CanonicalCheck;
      const l3 = leaves[3] as CanonicalCheck;
      return (u) => {
        if (!isRecord(u)) return false;
        let v: unknown;
        v = u.messageType;
        if (v === undefined ? !hasOwn(u, 'messageType') || !l0(v) : !l0(v)) return false;
        v = u.notificationType;
        if (v !== undefined && !l1(v)) return false;
        v = u.referenceId;
        if (v !== undefined && !l2(v)) return false;
        v = u.errorMessage;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.errorCode;
        if (v !== undefined && !l3(v)) return false;
        v = u.phoneNumber;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.extensions;
        if (v !== undefined && !isRecord(v)) return false;
        v = u.metrics;
        if (v !== undefined && !isRecord(v)) return false;
        v = u.channel;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.imSessionPath;
        if (v === undefined ? !hasOwn(u, 'imSessionPath') || typeof v !== 'string' : typeof v !== 'string')
          return false;
        v = u.message;
        if (v === undefined ? !hasOwn(u, 'message') || typeof v !== 'string' : typeof v !== 'string') return false;
        return true;
      };
    },
  },
  /** messageType!L,notificationType?L,referenceId?L,errorMessage?s,errorCode?L,phoneNumber?s,extensions?r,metrics?r,channel?s,imSession!L */
  IMSessionStateChangeMessage: {
    hash: '58389d8d',
    check: (leaves) => {
      const l0 = leaves[0] as CanonicalCheck;
      const l1 = leaves[1] as CanonicalCheck;
      const l2 = leaves[2] as CanonicalCheck;
      const l3 = leaves[3] as CanonicalCheck;
      const l4 = leaves[4] as CanonicalCheck;
      return (u) => {
        if (!isRecord(u)) return false;
        let v: unknown;
        v = u.messageType;
        if (v === undefined ? !hasOwn(u, 'messageType') || !l0(v) : !l0(v)) return false;
        v = u.notificationType;
        if (v !== undefined && !l1(v)) return false;
        v = u.referenceId;
        if (v !== undefined && !l2(v)) return false;
        v = u.errorMessage;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.errorCode;
        if (v !== undefined && !l3(v)) return false;
        v = u.phoneNumber;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.extensions;
        if (v !== undefined && !isRecord(v)) return false;
        v = u.metrics;
        if (v !== undefined && !isRecord(v)) return false;
        v = u.channel;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.imSession;
        if (v === undefined ? !hasOwn(u, 'imSession') || !l4(v) : !l4(v)) return false;
        return true;
      };
    },
  },
  /** id!s,state?L,uri?s,path?s,capabilities?s[],userData?r,participants?L[],participantsInfo?r[],receivedDate?s,comment?s */
  ImSession: {
    hash: '7871f0dd',
    check: (leaves) => {
      const l0 = leaves[0] as CanonicalCheck;
      const l1 = leaves[1] as CanonicalCheck;
      return (u) => {
        if (!isRecord(u)) return false;
        let v: unknown;
        v = u.id;
        if (v === undefined ? !hasOwn(u, 'id') || typeof v !== 'string' : typeof v !== 'string') return false;
        v = u.state;
        if (v !== undefined && !l0(v)) return false;
        v = u.uri;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.path;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.capabilities;
        if (v !== undefined) {
          if (!Array.isArray(v)) return false;
          for (let i = 0; i < v.length; i++) if (typeof v[i] !== 'string') return false;
        }
        v = u.userData;
        if (v !== undefined && !isRecord(v)) return false;
        v = u.participants;
        if (v !== undefined) {
          if (!Array.isArray(v)) return false;
          for (let i = 0; i < v.length; i++) if (!l1(v[i])) return false;
        }
        v = u.participantsInfo;
        if (v !== undefined) {
          if (!Array.isArray(v)) return false;
          for (let i = 0; i < v.length; i++) if (!isRecord(v[i])) return false;
        }
        v = u.receivedDate;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.comment;
        if (v !== undefined && typeof v !== 'string') return false;
        return true;
      };
    },
  },
  /** messageType!L,notificationType?L,referenceId?L,errorMessage?s,errorCode?L,phoneNumber?s,extensions?r,metrics?r,channel?s,messages!L[],chatUri?s,chatPath?s,facebooksessionUri?s,facebooksessionPath?s */
  MessageLogUpdated: {
    hash: '7b7eb3d1',
    check: (leaves) => {
      const l0 = leaves[0] as CanonicalCheck;
      const l1 = leaves[1] as CanonicalCheck;
      const l2 = leaves[2] as CanonicalCheck;
      const l3 = leaves[3] as CanonicalCheck;
      const l4 = leaves[4] as CanonicalCheck;
      return (u) => {
        if (!isRecord(u)) return false;
        let v: unknown;
        v = u.messageType;
        if (v === undefined ? !hasOwn(u, 'messageType') || !l0(v) : !l0(v)) return false;
        v = u.notificationType;
        if (v !== undefined && !l1(v)) return false;
        v = u.referenceId;
        if (v !== undefined && !l2(v)) return false;
        v = u.errorMessage;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.errorCode;
        if (v !== undefined && !l3(v)) return false;
        v = u.phoneNumber;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.extensions;
        if (v !== undefined && !isRecord(v)) return false;
        v = u.metrics;
        if (v !== undefined && !isRecord(v)) return false;
        v = u.channel;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.messages;
        if (!Array.isArray(v)) return false;
        for (let i = 0; i < v.length; i++) if (!l4(v[i])) return false;
        v = u.chatUri;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.chatPath;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.facebooksessionUri;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.facebooksessionPath;
        if (v !== undefined && typeof v !== 'string') return false;
        return true;
      };
    },
  },
  /** id!s,state?L,uri?s,path?s,capabilities?s[],userData?r,participants?L[],participantsInfo?r[],receivedDate?s,comment?s,openmediaType?L,mediaType?L */
  Openmedia: {
    hash: '634a9f21',
    check: (leaves) => {
      const l0 = leaves[0] as CanonicalCheck;
      const l1 = leaves[1] as CanonicalCheck;
      const l2 = leaves[2] as CanonicalCheck;
      const l3 = leaves[3] as CanonicalCheck;
      return (u) => {
        if (!isRecord(u)) return false;
        let v: unknown;
        v = u.id;
        if (v === undefined ? !hasOwn(u, 'id') || typeof v !== 'string' : typeof v !== 'string') return false;
        v = u.state;
        if (v !== undefined && !l0(v)) return false;
        v = u.uri;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.path;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.capabilities;
        if (v !== undefined) {
          if (!Array.isArray(v)) return false;
          for (let i = 0; i < v.length; i++) if (typeof v[i] !== 'string') return false;
        }
        v = u.userData;
        if (v !== undefined && !isRecord(v)) return false;
        v = u.participants;
        if (v !== undefined) {
          if (!Array.isArray(v)) return false;
          for (let i = 0; i < v.length; i++) if (!l1(v[i])) return false;
        }
        v = u.participantsInfo;
        if (v !== undefined) {
          if (!Array.isArray(v)) return false;
          for (let i = 0; i < v.length; i++) if (!isRecord(v[i])) return false;
        }
        v = u.receivedDate;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.comment;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.openmediaType;
        if (v !== undefined && !l2(v)) return false;
        v = u.mediaType;
        if (v !== undefined && !l3(v)) return false;
        return true;
      };
    },
  },
  /** messageType!L,notificationType?L,referenceId?L,errorMessage?s,errorCode?L,phoneNumber?s,extensions?r,metrics?r,channel?s,openmedia!L */
  OpenmediaStateChangeMessage: {
    hash: 'db8e5dc7',
    check: (leaves) => {
      const l0 = leaves[0] as CanonicalCheck;
      const l1 = leaves[1] as CanonicalCheck;
      const l2 = leaves[2] as CanonicalCheck;
      const l3 = leaves[3] as CanonicalCheck;
      const l4 = leaves[4] as CanonicalCheck;
      return (u) => {
        if (!isRecord(u)) return false;
        let v: unknown;
        v = u.messageType;
        if (v === undefined ? !hasOwn(u, 'messageType') || !l0(v) : !l0(v)) return false;
        v = u.notificationType;
        if (v !== undefined && !l1(v)) return false;
        v = u.referenceId;
        if (v !== undefined && !l2(v)) return false;
        v = u.errorMessage;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.errorCode;
        if (v !== undefined && !l3(v)) return false;
        v = u.phoneNumber;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.extensions;
        if (v !== undefined && !isRecord(v)) return false;
        v = u.metrics;
        if (v !== undefined && !isRecord(v)) return false;
        v = u.channel;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.openmedia;
        if (v === undefined ? !hasOwn(u, 'openmedia') || !l4(v) : !l4(v)) return false;
        return true;
      };
    },
  },
  /** nickname?s,type?L,participantId?s,phoneNumber?s,digits?s,e164Number?s,formattedPhoneNumber?s */
  ParticipantDetails: {
    hash: 'b52cb2bb',
    check: (leaves) => {
      const l0 = leaves[0] as CanonicalCheck;
      return (u) => {
        if (!isRecord(u)) return false;
        let v: unknown;
        v = u.nickname;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.type;
        if (v !== undefined && !l0(v)) return false;
        v = u.participantId;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.phoneNumber;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.digits;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.e164Number;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.formattedPhoneNumber;
        if (v !== undefined && typeof v !== 'string') return false;
        return true;
      };
    },
  },
  /** id!s,name?s,type?L,state?L */
  Service: {
    hash: '3c34f376',
    check: (leaves) => {
      const l0 = leaves[0] as CanonicalCheck;
      const l1 = leaves[1] as CanonicalCheck;
      return (u) => {
        if (!isRecord(u)) return false;
        let v: unknown;
        v = u.id;
        if (v === undefined ? !hasOwn(u, 'id') || typeof v !== 'string' : typeof v !== 'string') return false;
        v = u.name;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.type;
        if (v !== undefined && !l0(v)) return false;
        v = u.state;
        if (v !== undefined && !l1(v)) return false;
        return true;
      };
    },
  },
  /** messageType!L,notificationType?L,referenceId?L,errorMessage?s,errorCode?L,phoneNumber?s,extensions?r,metrics?r,channel?s,service!L */
  ServiceStateChangeMessage: {
    hash: '34c0e56c',
    check: (leaves) => {
      const l0 = leaves[0] as CanonicalCheck;
      const l1 = leaves[1] as CanonicalCheck;
      const l2 = leaves[2] as CanonicalCheck;
      const l3 = leaves[3] as CanonicalCheck;
      const l4 = leaves[4] as CanonicalCheck;
      return (u) => {
        if (!isRecord(u)) return false;
        let v: unknown;
        v = u.messageType;
        if (v === undefined ? !hasOwn(u, 'messageType') || !l0(v) : !l0(v)) return false;
        v = u.notificationType;
        if (v !== undefined && !l1(v)) return false;
        v = u.referenceId;
        if (v !== undefined && !l2(v)) return false;
        v = u.errorMessage;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.errorCode;
        if (v !== undefined && !l3(v)) return false;
        v = u.phoneNumber;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.extensions;
        if (v !== undefined && !isRecord(v)) return false;
        v = u.metrics;
        if (v !== undefined && !isRecord(v)) return false;
        v = u.channel;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.service;
        if (v === undefined ? !hasOwn(u, 'service') || !l4(v) : !l4(v)) return false;
        return true;
      };
    },
  },
  /** index!L,type!L,from?L,text?s,url?s,visibility?L,messageType?s,timestamp?s,timestampSeconds?L,eventAttributes?r */
  TranscriptMessage: {
    hash: '9111ad8e',
    check: (leaves) => {
      const l0 = leaves[0] as CanonicalCheck;
      const l1 = leaves[1] as CanonicalCheck;
      const l2 = leaves[2] as CanonicalCheck;
      const l3 = leaves[3] as CanonicalCheck;
      const l4 = leaves[4] as CanonicalCheck;
      return (u) => {
        if (!isRecord(u)) return false;
        let v: unknown;
        v = u.index;
        if (v === undefined ? !hasOwn(u, 'index') || !l0(v) : !l0(v)) return false;
        v = u.type;
        if (v === undefined ? !hasOwn(u, 'type') || !l1(v) : !l1(v)) return false;
        v = u.from;
        if (v !== undefined && !l2(v)) return false;
        v = u.text;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.url;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.visibility;
        if (v !== undefined && !l3(v)) return false;
        v = u.messageType;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.timestamp;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.timestampSeconds;
        if (v !== undefined && !l4(v)) return false;
        v = u.eventAttributes;
        if (v !== undefined && !isRecord(v)) return false;
        return true;
      };
    },
  },
  /** nickname?s,type?L,participantId?s */
  'TranscriptMessage.from': {
    hash: '00d4755c',
    check: (leaves) => {
      const l0 = leaves[0] as CanonicalCheck;
      return (u) => {
        if (!isRecord(u)) return false;
        let v: unknown;
        v = u.nickname;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.type;
        if (v !== undefined && !l0(v)) return false;
        v = u.participantId;
        if (v !== undefined && typeof v !== 'string') return false;
        return true;
      };
    },
  },
  /** id!s,state?L,uri?s,path?s,capabilities?s[],userData?r,participants?L[],participantsInfo?r[],receivedDate?s,comment?s,tweetType?L,twitterType?L */
  Tweet: {
    hash: '1a0951ef',
    check: (leaves) => {
      const l0 = leaves[0] as CanonicalCheck;
      const l1 = leaves[1] as CanonicalCheck;
      const l2 = leaves[2] as CanonicalCheck;
      const l3 = leaves[3] as CanonicalCheck;
      return (u) => {
        if (!isRecord(u)) return false;
        let v: unknown;
        v = u.id;
        if (v === undefined ? !hasOwn(u, 'id') || typeof v !== 'string' : typeof v !== 'string') return false;
        v = u.state;
        if (v !== undefined && !l0(v)) return false;
        v = u.uri;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.path;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.capabilities;
        if (v !== undefined) {
          if (!Array.isArray(v)) return false;
          for (let i = 0; i < v.length; i++) if (typeof v[i] !== 'string') return false;
        }
        v = u.userData;
        if (v !== undefined && !isRecord(v)) return false;
        v = u.participants;
        if (v !== undefined) {
          if (!Array.isArray(v)) return false;
          for (let i = 0; i < v.length; i++) if (!l1(v[i])) return false;
        }
        v = u.participantsInfo;
        if (v !== undefined) {
          if (!Array.isArray(v)) return false;
          for (let i = 0; i < v.length; i++) if (!isRecord(v[i])) return false;
        }
        v = u.receivedDate;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.comment;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.tweetType;
        if (v !== undefined && !l2(v)) return false;
        v = u.twitterType;
        if (v !== undefined && !l3(v)) return false;
        return true;
      };
    },
  },
  /** messageType!L,notificationType?L,referenceId?L,errorMessage?s,errorCode?L,phoneNumber?s,extensions?r,metrics?r,channel?s,success?L */
  TweetOperationResponse: {
    hash: '8e5cc816',
    check: (leaves) => {
      const l0 = leaves[0] as CanonicalCheck;
      const l1 = leaves[1] as CanonicalCheck;
      const l2 = leaves[2] as CanonicalCheck;
      const l3 = leaves[3] as CanonicalCheck;
      const l4 = leaves[4] as CanonicalCheck;
      return (u) => {
        if (!isRecord(u)) return false;
        let v: unknown;
        v = u.messageType;
        if (v === undefined ? !hasOwn(u, 'messageType') || !l0(v) : !l0(v)) return false;
        v = u.notificationType;
        if (v !== undefined && !l1(v)) return false;
        v = u.referenceId;
        if (v !== undefined && !l2(v)) return false;
        v = u.errorMessage;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.errorCode;
        if (v !== undefined && !l3(v)) return false;
        v = u.phoneNumber;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.extensions;
        if (v !== undefined && !isRecord(v)) return false;
        v = u.metrics;
        if (v !== undefined && !isRecord(v)) return false;
        v = u.channel;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.success;
        if (v !== undefined && !l4(v)) return false;
        return true;
      };
    },
  },
  /** messageType!L,notificationType?L,referenceId?L,errorMessage?s,errorCode?L,phoneNumber?s,extensions?r,metrics?r,channel?s,tweet!L */
  TweetStateChangeMessage: {
    hash: '0adb6402',
    check: (leaves) => {
      const l0 = leaves[0] as CanonicalCheck;
      const l1 = leaves[1] as CanonicalCheck;
      const l2 = leaves[2] as CanonicalCheck;
      const l3 = leaves[3] as CanonicalCheck;
      const l4 = leaves[4] as CanonicalCheck;
      return (u) => {
        if (!isRecord(u)) return false;
        let v: unknown;
        v = u.messageType;
        if (v === undefined ? !hasOwn(u, 'messageType') || !l0(v) : !l0(v)) return false;
        v = u.notificationType;
        if (v !== undefined && !l1(v)) return false;
        v = u.referenceId;
        if (v !== undefined && !l2(v)) return false;
        v = u.errorMessage;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.errorCode;
        if (v !== undefined && !l3(v)) return false;
        v = u.phoneNumber;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.extensions;
        if (v !== undefined && !isRecord(v)) return false;
        v = u.metrics;
        if (v !== undefined && !isRecord(v)) return false;
        v = u.channel;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.tweet;
        if (v === undefined ? !hasOwn(u, 'tweet') || !l4(v) : !l4(v)) return false;
        return true;
      };
    },
  },
  /** messageType!L,notificationType?L,referenceId?L,errorMessage?s,errorCode?L,phoneNumber?s,extensions?r,metrics?r,channel?s,tweet?L,twitter?L */
  TweetStateChangeWire: {
    hash: '2e69bf74',
    check: (leaves) => {
      const l0 = leaves[0] as CanonicalCheck;
      const l1 = leaves[1] as CanonicalCheck;
      const l2 = leaves[2] as CanonicalCheck;
      const l3 = leaves[3] as CanonicalCheck;
      const l4 = leaves[4] as CanonicalCheck;
      const l5 = leaves[5] as CanonicalCheck;
      return (u) => {
        if (!isRecord(u)) return false;
        let v: unknown;
        v = u.messageType;
        if (v === undefined ? !hasOwn(u, 'messageType') || !l0(v) : !l0(v)) return false;
        v = u.notificationType;
        if (v !== undefined && !l1(v)) return false;
        v = u.referenceId;
        if (v !== undefined && !l2(v)) return false;
        v = u.errorMessage;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.errorCode;
        if (v !== undefined && !l3(v)) return false;
        v = u.phoneNumber;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.extensions;
        if (v !== undefined && !isRecord(v)) return false;
        v = u.metrics;
        if (v !== undefined && !isRecord(v)) return false;
        v = u.channel;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.tweet;
        if (v !== undefined && !l4(v)) return false;
        v = u.twitter;
        if (v !== undefined && !l5(v)) return false;
        return true;
      };
    },
  },
  /** state!L,id?s,displayName?s,workMode?L,reason?u,reasonCode?L */
  UserState: {
    hash: 'd8cfafd4',
    check: (leaves) => {
      const l0 = leaves[0] as CanonicalCheck;
      const l1 = leaves[1] as CanonicalCheck;
      const l2 = leaves[2] as CanonicalCheck;
      return (u) => {
        if (!isRecord(u)) return false;
        let v: unknown;
        v = u.state;
        if (v === undefined ? !hasOwn(u, 'state') || !l0(v) : !l0(v)) return false;
        v = u.id;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.displayName;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.workMode;
        if (v !== undefined && !l1(v)) return false;
        v = u.reasonCode;
        if (v !== undefined && !l2(v)) return false;
        return true;
      };
    },
  },
  /** id!s,state?L,uri?s,path?s,capabilities?s[],userData?r,participants?L[],participantsInfo?r[],receivedDate?s,comment?s */
  WorkbinItem: {
    hash: '7871f0dd',
    check: (leaves) => {
      const l0 = leaves[0] as CanonicalCheck;
      const l1 = leaves[1] as CanonicalCheck;
      return (u) => {
        if (!isRecord(u)) return false;
        let v: unknown;
        v = u.id;
        if (v === undefined ? !hasOwn(u, 'id') || typeof v !== 'string' : typeof v !== 'string') return false;
        v = u.state;
        if (v !== undefined && !l0(v)) return false;
        v = u.uri;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.path;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.capabilities;
        if (v !== undefined) {
          if (!Array.isArray(v)) return false;
          for (let i = 0; i < v.length; i++) if (typeof v[i] !== 'string') return false;
        }
        v = u.userData;
        if (v !== undefined && !isRecord(v)) return false;
        v = u.participants;
        if (v !== undefined) {
          if (!Array.isArray(v)) return false;
          for (let i = 0; i < v.length; i++) if (!l1(v[i])) return false;
        }
        v = u.participantsInfo;
        if (v !== undefined) {
          if (!Array.isArray(v)) return false;
          for (let i = 0; i < v.length; i++) if (!isRecord(v[i])) return false;
        }
        v = u.receivedDate;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.comment;
        if (v !== undefined && typeof v !== 'string') return false;
        return true;
      };
    },
  },
  /** messageType!L,notificationType?L,referenceId?L,errorMessage?s,errorCode?L,phoneNumber?s,extensions?r,metrics?r,channel?s,id!s,action?L */
  WorkbinStateChangeMessage: {
    hash: '490bef44',
    check: (leaves) => {
      const l0 = leaves[0] as CanonicalCheck;
      const l1 = leaves[1] as CanonicalCheck;
      const l2 = leaves[2] as CanonicalCheck;
      const l3 = leaves[3] as CanonicalCheck;
      const l4 = leaves[4] as CanonicalCheck;
      return (u) => {
        if (!isRecord(u)) return false;
        let v: unknown;
        v = u.messageType;
        if (v === undefined ? !hasOwn(u, 'messageType') || !l0(v) : !l0(v)) return false;
        v = u.notificationType;
        if (v !== undefined && !l1(v)) return false;
        v = u.referenceId;
        if (v !== undefined && !l2(v)) return false;
        v = u.errorMessage;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.errorCode;
        if (v !== undefined && !l3(v)) return false;
        v = u.phoneNumber;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.extensions;
        if (v !== undefined && !isRecord(v)) return false;
        v = u.metrics;
        if (v !== undefined && !isRecord(v)) return false;
        v = u.channel;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.id;
        if (v === undefined ? !hasOwn(u, 'id') || typeof v !== 'string' : typeof v !== 'string') return false;
        v = u.action;
        if (v !== undefined && !l4(v)) return false;
        return true;
      };
    },
  },
  /** messageType!L,notificationType?L,referenceId?L,errorMessage?s,errorCode?L,phoneNumber?s,extensions?r,metrics?r,channel?s,id!s,stateResource?L,workbinUserId?s,agentGroup?s,placeGroup?s,referenceId?L */
  WorkbinSubscriptionStateChangeMessage: {
    hash: '474d1ca6',
    check: (leaves) => {
      const l0 = leaves[0] as CanonicalCheck;
      const l1 = leaves[1] as CanonicalCheck;
      const l2 = leaves[2] as CanonicalCheck;
      const l3 = leaves[3] as CanonicalCheck;
      const l4 = leaves[4] as CanonicalCheck;
      const l5 = leaves[5] as CanonicalCheck;
      return (u) => {
        if (!isRecord(u)) return false;
        let v: unknown;
        v = u.messageType;
        if (v === undefined ? !hasOwn(u, 'messageType') || !l0(v) : !l0(v)) return false;
        v = u.notificationType;
        if (v !== undefined && !l1(v)) return false;
        v = u.referenceId;
        if (v !== undefined && !l2(v)) return false;
        v = u.errorMessage;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.errorCode;
        if (v !== undefined && !l3(v)) return false;
        v = u.phoneNumber;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.extensions;
        if (v !== undefined && !isRecord(v)) return false;
        v = u.metrics;
        if (v !== undefined && !isRecord(v)) return false;
        v = u.channel;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.id;
        if (v === undefined ? !hasOwn(u, 'id') || typeof v !== 'string' : typeof v !== 'string') return false;
        v = u.stateResource;
        if (v !== undefined && !l4(v)) return false;
        v = u.workbinUserId;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.agentGroup;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.placeGroup;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.referenceId;
        if (v !== undefined && !l5(v)) return false;
        return true;
      };
    },
  },
  /** id!s,state?L,uri?s,path?s,capabilities?s[],userData?r,participants?L[],participantsInfo?r[],receivedDate?s,comment?s,workitemType?L,subject?s */
  Workitem: {
    hash: 'f175f56c',
    check: (leaves) => {
      const l0 = leaves[0] as CanonicalCheck;
      const l1 = leaves[1] as CanonicalCheck;
      const l2 = leaves[2] as CanonicalCheck;
      return (u) => {
        if (!isRecord(u)) return false;
        let v: unknown;
        v = u.id;
        if (v === undefined ? !hasOwn(u, 'id') || typeof v !== 'string' : typeof v !== 'string') return false;
        v = u.state;
        if (v !== undefined && !l0(v)) return false;
        v = u.uri;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.path;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.capabilities;
        if (v !== undefined) {
          if (!Array.isArray(v)) return false;
          for (let i = 0; i < v.length; i++) if (typeof v[i] !== 'string') return false;
        }
        v = u.userData;
        if (v !== undefined && !isRecord(v)) return false;
        v = u.participants;
        if (v !== undefined) {
          if (!Array.isArray(v)) return false;
          for (let i = 0; i < v.length; i++) if (!l1(v[i])) return false;
        }
        v = u.participantsInfo;
        if (v !== undefined) {
          if (!Array.isArray(v)) return false;
          for (let i = 0; i < v.length; i++) if (!isRecord(v[i])) return false;
        }
        v = u.receivedDate;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.comment;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.workitemType;
        if (v !== undefined && !l2(v)) return false;
        v = u.subject;
        if (v !== undefined && typeof v !== 'string') return false;
        return true;
      };
    },
  },
  /** messageType!L,notificationType?L,referenceId?L,errorMessage?s,errorCode?L,phoneNumber?s,extensions?r,metrics?r,channel?s,workitem!L */
  WorkitemStateChangeMessage: {
    hash: 'f03a60dd',
    check: (leaves) => {
      const l0 = leaves[0] as CanonicalCheck;
      const l1 = leaves[1] as CanonicalCheck;
      const l2 = leaves[2] as CanonicalCheck;
      const l3 = leaves[3] as CanonicalCheck;
      const l4 = leaves[4] as CanonicalCheck;
      return (u) => {
        if (!isRecord(u)) return false;
        let v: unknown;
        v = u.messageType;
        if (v === undefined ? !hasOwn(u, 'messageType') || !l0(v) : !l0(v)) return false;
        v = u.notificationType;
        if (v !== undefined && !l1(v)) return false;
        v = u.referenceId;
        if (v !== undefined && !l2(v)) return false;
        v = u.errorMessage;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.errorCode;
        if (v !== undefined && !l3(v)) return false;
        v = u.phoneNumber;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.extensions;
        if (v !== undefined && !isRecord(v)) return false;
        v = u.metrics;
        if (v !== undefined && !isRecord(v)) return false;
        v = u.channel;
        if (v !== undefined && typeof v !== 'string') return false;
        v = u.workitem;
        if (v === undefined ? !hasOwn(u, 'workitem') || !l4(v) : !l4(v)) return false;
        return true;
      };
    },
  },
};
