// Command podserve stands in for kube-proxy and for the containers of a KWOK cluster, so
// that real HTTP requests can flow gateway -> Service -> ready endpoint -> "pod".
//
// KWOK runs no containers, and the API server refuses loopback addresses in EndpointSlices,
// so pod IPs cannot be served on this machine. Service ClusterIPs can: the local cluster's
// Service range lies inside 127.0.0.0/8 (tests/cluster/cluster-dataplane.sh). For every
// Service whose ClusterIP is in --cidr, podserve listens on ClusterIP:port for each TCP
// port that has at least one ready endpoint backed by a Running pod (none: nothing listens,
// so connections are refused, as kube-proxy rejects them). Each accepted connection is
// given to one of those endpoints at random, as kube-proxy does, and every request on it
// is answered as that pod:
//
//	HTTP/1.1 200 OK
//	X-Pod-Revision: <the pod's app.oam.dev/appRevision label, or "none">
//	X-Pod-Name: <namespace>/<name>
//
//	revision=<revision> pod=<namespace>/<name>
//
// A connection whose pod has gone is cut, as a dead container's would be. podserve follows
// Services, EndpointSlices and Pods by watching them, and never connects anywhere but to
// the API server: the endpoints' pod IPs are only read.
//
//	podserve --kubeconfig PATH --cidr 127.X.0.0/16 [--ready-file PATH] [--revision-label L]
package main

import (
	"cmp"
	"context"
	"errors"
	"flag"
	"fmt"
	"log"
	"math/rand/v2"
	"net"
	"net/http"
	"os"
	"os/signal"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	corev1 "k8s.io/api/core/v1"
	discoveryv1 "k8s.io/api/discovery/v1"
	"k8s.io/apimachinery/pkg/labels"
	"k8s.io/apimachinery/pkg/types"
	"k8s.io/client-go/informers"
	"k8s.io/client-go/kubernetes"
	listersv1 "k8s.io/client-go/listers/core/v1"
	discoverylisters "k8s.io/client-go/listers/discovery/v1"
	"k8s.io/client-go/tools/cache"
	"k8s.io/client-go/tools/clientcmd"
)

// target is a pod that a connection can be given to.
type target struct {
	uid       types.UID
	namespace string
	name      string
	revision  string
}

// listener serves one ClusterIP:port.
type listener struct {
	addr    string
	service string // namespace/name:port
	server  *http.Server
	targets atomic.Pointer[[]target]
	proxy   *proxy
}

type connTarget struct{}

func (l *listener) pick(ctx context.Context, _ net.Conn) context.Context {
	ts := l.targets.Load()
	if ts == nil || len(*ts) == 0 {
		return ctx
	}
	return context.WithValue(ctx, connTarget{}, (*ts)[rand.IntN(len(*ts))])
}

func (l *listener) ServeHTTP(rw http.ResponseWriter, req *http.Request) {
	t, ok := req.Context().Value(connTarget{}).(target)
	if !ok || !l.proxy.running(t) {
		// The pod this connection went to is gone: its container would answer nothing.
		panic(http.ErrAbortHandler)
	}
	body := fmt.Sprintf("revision=%s pod=%s/%s\n", t.revision, t.namespace, t.name)
	h := rw.Header()
	h.Set("Content-Type", "text/plain; charset=utf-8")
	h.Set("Content-Length", strconv.Itoa(len(body)))
	h.Set("X-Pod-Revision", t.revision)
	h.Set("X-Pod-Name", t.namespace+"/"+t.name)
	_, _ = rw.Write([]byte(body))
}

type proxy struct {
	allowed       *net.IPNet
	revisionLabel string
	services      listersv1.ServiceLister
	slices        discoverylisters.EndpointSliceLister
	pods          listersv1.PodLister

	mu        sync.Mutex
	listeners map[string]*listener
	kick      chan struct{}
}

// running reports whether the pod of t still exists and runs.
func (p *proxy) running(t target) bool {
	pod, err := p.pods.Pods(t.namespace).Get(t.name)
	return err == nil && pod.UID == t.uid && pod.Status.Phase == corev1.PodRunning
}

func (p *proxy) trigger() {
	select {
	case p.kick <- struct{}{}:
	default:
	}
}

// desired computes, from the informers' caches, the targets of every ClusterIP:port that
// should be served, with the Service it belongs to.
func (p *proxy) desired() (map[string][]target, map[string]string) {
	want := map[string][]target{}
	names := map[string]string{}
	services, err := p.services.List(labels.Everything())
	if err != nil {
		log.Printf("list services: %v", err)
		return want, names
	}
	for _, svc := range services {
		if svc.Spec.Type == corev1.ServiceTypeExternalName {
			continue
		}
		ips := svc.Spec.ClusterIPs
		if len(ips) == 0 && svc.Spec.ClusterIP != "" {
			ips = []string{svc.Spec.ClusterIP}
		}
		var served []string
		for _, s := range ips {
			if ip := net.ParseIP(s); ip != nil && ip.IsLoopback() && p.allowed.Contains(ip) {
				served = append(served, ip.String())
			}
		}
		if len(served) == 0 {
			continue
		}
		sel := labels.SelectorFromSet(labels.Set{discoveryv1.LabelServiceName: svc.Name})
		endpointSlices, err := p.slices.EndpointSlices(svc.Namespace).List(sel)
		if err != nil {
			continue
		}
		for _, port := range svc.Spec.Ports {
			if port.Protocol != "" && port.Protocol != corev1.ProtocolTCP {
				continue
			}
			targets := p.targets(svc.Namespace, port.Name, endpointSlices)
			if len(targets) == 0 {
				continue
			}
			for _, ip := range served {
				addr := net.JoinHostPort(ip, strconv.Itoa(int(port.Port)))
				want[addr] = targets
				names[addr] = fmt.Sprintf("%s/%s:%d", svc.Namespace, svc.Name, port.Port)
			}
		}
	}
	return want, names
}

// targets returns the Running pods behind the ready endpoints of the Service port named
// portName (kube-proxy's reading: a nil ready condition means ready).
func (p *proxy) targets(namespace, portName string, endpointSlices []*discoveryv1.EndpointSlice) []target {
	var out []target
	for _, slice := range endpointSlices {
		if slice.AddressType == discoveryv1.AddressTypeFQDN {
			continue
		}
		hasPort := false
		for _, sp := range slice.Ports {
			name := ""
			if sp.Name != nil {
				name = *sp.Name
			}
			if name == portName && (sp.Protocol == nil || *sp.Protocol == corev1.ProtocolTCP) {
				hasPort = true
			}
		}
		if !hasPort {
			continue
		}
		for _, ep := range slice.Endpoints {
			if ep.Conditions.Ready != nil && !*ep.Conditions.Ready {
				continue
			}
			ref := ep.TargetRef
			if ref == nil || ref.Kind != "Pod" {
				continue
			}
			ns := ref.Namespace
			if ns == "" {
				ns = namespace
			}
			pod, err := p.pods.Pods(ns).Get(ref.Name)
			if err != nil || (ref.UID != "" && pod.UID != ref.UID) || pod.Status.Phase != corev1.PodRunning {
				continue
			}
			revision := pod.Labels[p.revisionLabel]
			if revision == "" {
				revision = "none"
			}
			out = append(out, target{uid: pod.UID, namespace: pod.Namespace, name: pod.Name, revision: revision})
		}
	}
	slices.SortFunc(out, func(a, b target) int {
		return cmp.Or(cmp.Compare(a.namespace, b.namespace), cmp.Compare(a.name, b.name), cmp.Compare(a.uid, b.uid))
	})
	return slices.CompactFunc(out, func(a, b target) bool { return a.uid == b.uid })
}

func describe(ts []target) string {
	counts := map[string]int{}
	for _, t := range ts {
		counts[t.revision]++
	}
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	s := ""
	for _, k := range keys {
		s += fmt.Sprintf(" %s×%d", k, counts[k])
	}
	return s
}

// reconcile opens, updates and closes listeners; it reports whether a listener could not
// be opened (to be tried again).
func (p *proxy) reconcile() bool {
	want, names := p.desired()
	p.mu.Lock()
	defer p.mu.Unlock()
	for addr, l := range p.listeners {
		if _, ok := want[addr]; !ok {
			_ = l.server.Close()
			delete(p.listeners, addr)
			log.Printf("closed %s (%s): no ready endpoint", addr, l.service)
		}
	}
	failed := false
	for addr, targets := range want {
		if l, ok := p.listeners[addr]; ok {
			old := l.targets.Load()
			if old == nil || !slices.Equal(*old, targets) {
				l.targets.Store(&targets)
				log.Printf("%s (%s) endpoints:%s", addr, l.service, describe(targets))
			}
			continue
		}
		ln, err := net.Listen("tcp", addr)
		if err != nil {
			log.Printf("cannot listen on %s (%s): %v", addr, names[addr], err)
			failed = true
			continue
		}
		l := &listener{addr: addr, service: names[addr], proxy: p}
		l.targets.Store(&targets)
		l.server = &http.Server{
			Handler:           l,
			ConnContext:       l.pick,
			ReadHeaderTimeout: 10 * time.Second,
			IdleTimeout:       90 * time.Second,
			ErrorLog:          log.New(os.Stderr, "podserve http ", log.LstdFlags),
		}
		go func() {
			if err := l.server.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
				log.Printf("%s: %v", addr, err)
			}
		}()
		p.listeners[addr] = l
		log.Printf("serving %s (%s) endpoints:%s", addr, l.service, describe(targets))
	}
	return failed
}

func (p *proxy) closeAll() {
	p.mu.Lock()
	defer p.mu.Unlock()
	for addr, l := range p.listeners {
		_ = l.server.Close()
		delete(p.listeners, addr)
	}
}

func main() {
	kubeconfig := flag.String("kubeconfig", os.Getenv("KUBECONFIG"), "kubeconfig of the cluster to serve")
	cidr := flag.String("cidr", "", "serve the Services whose ClusterIP is in this range (inside 127.0.0.0/8)")
	readyFile := flag.String("ready-file", "", "file written once the first state has been served")
	revisionLabel := flag.String("revision-label", "app.oam.dev/appRevision", "pod label that names the revision")
	syncTimeout := flag.Duration("sync-timeout", 60*time.Second, "how long to wait for the first list of objects")
	flag.Parse()
	log.SetFlags(log.Ldate | log.Ltime | log.Lmicroseconds)
	log.SetPrefix("podserve ")

	_, allowed, err := net.ParseCIDR(*cidr)
	if err != nil {
		log.Fatalf("--cidr %q: %v", *cidr, err)
	}
	if ones, _ := allowed.Mask.Size(); !allowed.IP.IsLoopback() || ones < 8 {
		log.Fatalf("--cidr %s is not inside 127.0.0.0/8", *cidr)
	}
	if *kubeconfig == "" {
		log.Fatal("--kubeconfig (or KUBECONFIG) is required")
	}
	config, err := clientcmd.BuildConfigFromFlags("", *kubeconfig)
	if err != nil {
		log.Fatalf("kubeconfig %s: %v", *kubeconfig, err)
	}
	config.UserAgent = "veladesk-podserve"
	client, err := kubernetes.NewForConfig(config)
	if err != nil {
		log.Fatalf("client: %v", err)
	}

	ctx, cancel := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer cancel()

	factory := informers.NewSharedInformerFactory(client, 0)
	services := factory.Core().V1().Services()
	endpointSlices := factory.Discovery().V1().EndpointSlices()
	pods := factory.Core().V1().Pods()
	p := &proxy{
		allowed:       allowed,
		revisionLabel: *revisionLabel,
		services:      services.Lister(),
		slices:        endpointSlices.Lister(),
		pods:          pods.Lister(),
		listeners:     map[string]*listener{},
		kick:          make(chan struct{}, 1),
	}
	onChange := cache.ResourceEventHandlerFuncs{
		AddFunc:    func(any) { p.trigger() },
		UpdateFunc: func(any, any) { p.trigger() },
		DeleteFunc: func(any) { p.trigger() },
	}
	for _, inf := range []cache.SharedIndexInformer{services.Informer(), endpointSlices.Informer(), pods.Informer()} {
		if _, err := inf.AddEventHandler(onChange); err != nil {
			log.Fatalf("watch: %v", err)
		}
	}
	factory.Start(ctx.Done())
	syncCtx, syncCancel := context.WithTimeout(ctx, *syncTimeout)
	synced := cache.WaitForCacheSync(syncCtx.Done(), services.Informer().HasSynced,
		endpointSlices.Informer().HasSynced, pods.Informer().HasSynced)
	syncCancel()
	if !synced {
		log.Fatalf("could not list Services, EndpointSlices and Pods of %s within %s", config.Host, *syncTimeout)
	}
	log.Printf("watching %s: serving Services with ClusterIPs in %s (revision label %s)", config.Host, allowed, *revisionLabel)
	retry := p.reconcile()
	if *readyFile != "" {
		if err := os.WriteFile(*readyFile, []byte(strconv.Itoa(os.Getpid())), 0o644); err != nil {
			log.Fatalf("ready file: %v", err)
		}
	}
	for {
		var again <-chan time.Time
		if retry {
			again = time.After(time.Second)
		}
		select {
		case <-ctx.Done():
			factory.Shutdown()
			p.closeAll()
			if *readyFile != "" {
				_ = os.Remove(*readyFile)
			}
			log.Print("stopped")
			return
		case <-p.kick:
		case <-again:
		}
		retry = p.reconcile()
	}
}
