// Command podlogs gives the containers of a KWOK cluster real, growing logs, served by the
// kubelet API that KWOK implements (its log simulation): the API server asks the node's
// "kubelet" (the kwok controller) for /containerLogs/NS/POD/CONTAINER, and kwok reads the
// file that the pod's kwok.x-k8s.io/v1alpha1 Logs object names, in the CRI log format
// ("<RFC3339Nano> stdout F <text>"), with tailLines, sinceTime, timestamps, previous and
// follow handled by the kubelet's own reader (k8s.io/cri-client/pkg/logs).
//
// For every pod bound to a node, podlogs writes one file per container under --dir and
// applies a Logs object of the pod's name (owned by the pod, so the garbage collector removes
// it with the pod) that points each container at its file; the previous instance's file has
// three lines. Every --interval it appends one line to each container's file, so
// `kubectl logs -f` receives new lines:
//
//	revision=<app.oam.dev/appRevision label or "none"> pod=<ns>/<name> container=<c> seq=<n>
//
// Each file stops growing after --max-lines lines (bounded disk), and a pod's files are
// removed when the pod goes. Logs objects are written through a rate-limited queue
// (--qps), so a flood of pods never floods the API server.
//
//	podlogs --kubeconfig PATH --dir DIR [--interval 1s] [--max-lines 1000] [--ready-file PATH]
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"time"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/apimachinery/pkg/types"
	"k8s.io/client-go/dynamic"
	"k8s.io/client-go/informers"
	"k8s.io/client-go/kubernetes"
	listersv1 "k8s.io/client-go/listers/core/v1"
	"k8s.io/client-go/tools/cache"
	"k8s.io/client-go/tools/clientcmd"
	"k8s.io/client-go/util/workqueue"
)

var logsResource = schema.GroupVersionResource{Group: "kwok.x-k8s.io", Version: "v1alpha1", Resource: "logs"}

type containerLog struct {
	name     string
	file     string
	previous string
	seq      int
}

type podLogs struct {
	uid        types.UID
	namespace  string
	name       string
	revision   string
	dir        string
	containers []*containerLog
}

func (p *podLogs) line(c *containerLog, text string) string {
	return fmt.Sprintf("revision=%s pod=%s/%s container=%s %s", p.revision, p.namespace, p.name, c.name, text)
}

type harness struct {
	dir           string
	revisionLabel string
	maxLines      int
	pods          listersv1.PodLister
	dyn           dynamic.Interface
	queue         workqueue.TypedRateLimitingInterface[string]

	mu   sync.Mutex
	live map[types.UID]*podLogs
}

// criLine is one line of a CRI container log file.
func criLine(t time.Time, text string) string {
	return t.UTC().Format(time.RFC3339Nano) + " stdout F " + text + "\n"
}

func appendLines(path string, lines ...string) error {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return err
	}
	for _, l := range lines {
		if _, err := f.WriteString(l); err != nil {
			f.Close()
			return err
		}
	}
	return f.Close()
}

func key(pod *corev1.Pod) string {
	return pod.Namespace + "/" + pod.Name + "/" + string(pod.UID)
}

// setUp writes the pod's files (once) and applies its Logs object.
func (h *harness) setUp(ctx context.Context, k string) error {
	parts := strings.Split(k, "/")
	if len(parts) != 3 {
		return nil
	}
	ns, name, uid := parts[0], parts[1], parts[2]
	pod, err := h.pods.Pods(ns).Get(name)
	if err != nil || string(pod.UID) != uid || pod.Spec.NodeName == "" || pod.DeletionTimestamp != nil {
		return nil // gone or replaced meanwhile: its own event takes care of it
	}
	h.mu.Lock()
	p, known := h.live[pod.UID]
	if !known {
		p = &podLogs{
			uid:       pod.UID,
			namespace: ns,
			name:      name,
			revision:  pod.Labels[h.revisionLabel],
			dir:       filepath.Join(h.dir, ns+"_"+name+"_"+uid),
		}
		if p.revision == "" {
			p.revision = "none"
		}
		if err := os.MkdirAll(p.dir, 0o755); err != nil {
			h.mu.Unlock()
			return err
		}
		now := time.Now()
		for _, c := range pod.Spec.Containers {
			cl := &containerLog{
				name:     c.Name,
				file:     filepath.Join(p.dir, c.Name+".log"),
				previous: filepath.Join(p.dir, c.Name+".previous.log"),
			}
			var prev []string
			for i := 1; i <= 3; i++ {
				prev = append(prev, criLine(now.Add(time.Duration(i-4)*time.Second), p.line(cl, fmt.Sprintf("previous seq=%d", i))))
			}
			if err := appendLines(cl.previous, prev...); err != nil {
				h.mu.Unlock()
				return err
			}
			cl.seq = 1
			if err := appendLines(cl.file, criLine(now, p.line(cl, "seq=1 started"))); err != nil {
				h.mu.Unlock()
				return err
			}
			p.containers = append(p.containers, cl)
		}
		h.live[pod.UID] = p
	}
	var logs []any
	for _, c := range p.containers {
		logs = append(logs, map[string]any{
			"containers":       []any{c.name},
			"logsFile":         c.file,
			"previousLogsFile": c.previous,
			"follow":           true,
		})
	}
	h.mu.Unlock()

	obj := &unstructured.Unstructured{Object: map[string]any{
		"apiVersion": "kwok.x-k8s.io/v1alpha1",
		"kind":       "Logs",
		"metadata": map[string]any{
			"name":      name,
			"namespace": ns,
			"ownerReferences": []any{map[string]any{
				"apiVersion": "v1",
				"kind":       "Pod",
				"name":       name,
				"uid":        uid,
			}},
		},
		"spec": map[string]any{"logs": logs},
	}}
	_, err = h.dyn.Resource(logsResource).Namespace(ns).Apply(ctx, name, obj,
		metav1.ApplyOptions{FieldManager: "veladesk-podlogs", Force: true})
	return err
}

func (h *harness) forget(pod *corev1.Pod) {
	h.mu.Lock()
	p, ok := h.live[pod.UID]
	delete(h.live, pod.UID)
	h.mu.Unlock()
	if ok {
		_ = os.RemoveAll(p.dir)
	}
}

func (h *harness) tick(now time.Time) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for _, p := range h.live {
		for _, c := range p.containers {
			if c.seq >= h.maxLines {
				continue
			}
			c.seq++
			if err := appendLines(c.file, criLine(now, p.line(c, fmt.Sprintf("seq=%d", c.seq)))); err != nil {
				log.Printf("append to %s: %v", c.file, err)
			}
		}
	}
}

func (h *harness) work(ctx context.Context) {
	for {
		k, quit := h.queue.Get()
		if quit {
			return
		}
		if err := h.setUp(ctx, k); err != nil {
			if ctx.Err() != nil {
				h.queue.Done(k)
				return
			}
			log.Printf("logs of pod %s: %v (retrying)", k, err)
			h.queue.AddRateLimited(k)
		} else {
			h.queue.Forget(k)
		}
		h.queue.Done(k)
	}
}

func main() {
	kubeconfig := flag.String("kubeconfig", os.Getenv("KUBECONFIG"), "kubeconfig of the cluster")
	dir := flag.String("dir", "", "folder for the log files (emptied at start)")
	interval := flag.Duration("interval", time.Second, "one new line per container this often")
	maxLines := flag.Int("max-lines", 1000, "a container's file stops growing after this many lines")
	readyFile := flag.String("ready-file", "", "file written once the pods have been listed")
	revisionLabel := flag.String("revision-label", "app.oam.dev/appRevision", "pod label that names the revision")
	qps := flag.Float64("qps", 20, "Logs objects written per second at most")
	flag.Parse()
	log.SetFlags(log.Ldate | log.Ltime | log.Lmicroseconds)
	log.SetPrefix("podlogs ")
	if *kubeconfig == "" || *dir == "" {
		log.Fatal("--kubeconfig and --dir are required")
	}
	if err := os.RemoveAll(*dir); err != nil {
		log.Fatalf("--dir %s: %v", *dir, err)
	}
	if err := os.MkdirAll(*dir, 0o755); err != nil {
		log.Fatalf("--dir %s: %v", *dir, err)
	}
	abs, err := filepath.Abs(*dir)
	if err != nil {
		log.Fatal(err)
	}
	config, err := clientcmd.BuildConfigFromFlags("", *kubeconfig)
	if err != nil {
		log.Fatalf("kubeconfig %s: %v", *kubeconfig, err)
	}
	config.UserAgent = "veladesk-podlogs"
	config.QPS = float32(*qps)
	config.Burst = int(2 * *qps)
	client, err := kubernetes.NewForConfig(config)
	if err != nil {
		log.Fatalf("client: %v", err)
	}
	dyn, err := dynamic.NewForConfig(config)
	if err != nil {
		log.Fatalf("client: %v", err)
	}

	ctx, cancel := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer cancel()

	factory := informers.NewSharedInformerFactory(client, 0)
	pods := factory.Core().V1().Pods()
	h := &harness{
		dir:           abs,
		revisionLabel: *revisionLabel,
		maxLines:      *maxLines,
		pods:          pods.Lister(),
		dyn:           dyn,
		queue: workqueue.NewTypedRateLimitingQueue(
			workqueue.DefaultTypedControllerRateLimiter[string]()),
		live: map[types.UID]*podLogs{},
	}
	enqueue := func(obj any) {
		if pod, ok := obj.(*corev1.Pod); ok && pod.Spec.NodeName != "" && pod.DeletionTimestamp == nil {
			h.mu.Lock()
			_, known := h.live[pod.UID]
			h.mu.Unlock()
			if !known {
				h.queue.Add(key(pod))
			}
		}
	}
	_, err = pods.Informer().AddEventHandler(cache.ResourceEventHandlerFuncs{
		AddFunc:    enqueue,
		UpdateFunc: func(_, obj any) { enqueue(obj) },
		DeleteFunc: func(obj any) {
			if t, ok := obj.(cache.DeletedFinalStateUnknown); ok {
				obj = t.Obj
			}
			if pod, ok := obj.(*corev1.Pod); ok {
				h.forget(pod)
			}
		},
	})
	if err != nil {
		log.Fatalf("watch: %v", err)
	}
	factory.Start(ctx.Done())
	syncCtx, syncCancel := context.WithTimeout(ctx, 60*time.Second)
	synced := cache.WaitForCacheSync(syncCtx.Done(), pods.Informer().HasSynced)
	syncCancel()
	if !synced {
		log.Fatal("pods not listed within 60 s")
	}
	for i := 0; i < 2; i++ {
		go h.work(ctx)
	}
	if *readyFile != "" {
		if err := os.WriteFile(*readyFile, []byte("ready\n"), 0o644); err != nil {
			log.Fatalf("--ready-file: %v", err)
		}
	}
	log.Printf("writing container logs under %s, a line every %s", abs, *interval)
	ticker := time.NewTicker(*interval)
	defer ticker.Stop()
	for {
		select {
		case <-ctx.Done():
			h.queue.ShutDown()
			log.Print("stopped")
			return
		case now := <-ticker.C:
			h.tick(now)
		}
	}
}
